-- Queue search (issue 15) on PostgreSQL: the same case_search rows as libSQL's FTS5 table (title, party from
-- the latest draft, case number), as a plain table kept by triggers, so no writer has to remember it. The
-- queue store scans it with instr() (one narrow row a case); libSQL answers fragments of three or more
-- characters from its trigram index instead.
CREATE TABLE case_search (
  case_number text PRIMARY KEY,
  title text NOT NULL,
  party text NOT NULL DEFAULT ''
);
--> statement-breakpoint
INSERT INTO case_search (case_number, title, party)
SELECT c.id, c.title,
  COALESCE((SELECT d.content::json -> 'party' ->> 'name' FROM draft_versions d WHERE d.case_id = c.id ORDER BY d.version DESC LIMIT 1), '')
FROM cases c;
--> statement-breakpoint
CREATE FUNCTION case_search_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_search (case_number, title, party) VALUES (NEW.id, NEW.title, '');
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE case_search SET title = NEW.title WHERE case_number = NEW.id;
  ELSE
    DELETE FROM case_search WHERE case_number = OLD.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_search_on_open AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION case_search_on_case();
--> statement-breakpoint
CREATE TRIGGER case_search_on_title AFTER UPDATE OF title ON cases FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION case_search_on_case();
--> statement-breakpoint
CREATE TRIGGER case_search_on_delete AFTER DELETE ON cases FOR EACH ROW EXECUTE FUNCTION case_search_on_case();
--> statement-breakpoint
CREATE FUNCTION case_search_on_draft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_search SET party = COALESCE(NEW.content::json -> 'party' ->> 'name', '') WHERE case_number = NEW.case_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_search_on_draft AFTER INSERT ON draft_versions FOR EACH ROW EXECUTE FUNCTION case_search_on_draft();
--> statement-breakpoint
-- "My history": the cases a person acted on (accepted record entries), newest first.
CREATE INDEX case_events_actor_idx ON case_events (actor_id, accepted, case_id);
