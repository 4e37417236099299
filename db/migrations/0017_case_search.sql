-- Queue search (issue 15): an FTS5 index over each case's title, party (当事人, from its latest draft) and
-- case number (its id), kept by triggers so no writer has to remember it. The trigram tokenizer finds any
-- fragment of three or more characters, which Chinese text (no spaces between words) needs. The index row
-- shares the case row's rowid, so every trigger touches one row by key, never a scan.
CREATE VIRTUAL TABLE case_search USING fts5(title, party, case_number, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO case_search (rowid, title, party, case_number)
SELECT c.rowid, c.title,
  COALESCE((SELECT json_extract(d.content, '$.party.name') FROM draft_versions d WHERE d.case_id = c.id ORDER BY d.version DESC LIMIT 1), ''),
  c.id
FROM cases c;
--> statement-breakpoint
CREATE TRIGGER case_search_on_open AFTER INSERT ON cases
BEGIN
  INSERT INTO case_search (rowid, title, party, case_number) VALUES (NEW.rowid, NEW.title, '', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER case_search_on_title AFTER UPDATE OF title ON cases WHEN OLD.title IS NOT NEW.title
BEGIN
  UPDATE case_search SET title = NEW.title WHERE rowid = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER case_search_on_delete AFTER DELETE ON cases
BEGIN
  DELETE FROM case_search WHERE rowid = OLD.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER case_search_on_draft AFTER INSERT ON draft_versions
BEGIN
  UPDATE case_search SET party = COALESCE(json_extract(NEW.content, '$.party.name'), '')
  WHERE rowid = (SELECT rowid FROM cases WHERE id = NEW.case_id);
END;
--> statement-breakpoint
-- "My history": the cases a person acted on (accepted record entries), newest first.
CREATE INDEX case_events_actor_idx ON case_events (actor_id, accepted, case_id);
