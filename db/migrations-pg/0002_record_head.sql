-- The head of the record's hash chain, one row: every writer's batch transaction locks it (FOR UPDATE),
-- assigns record ids and hashes after it and moves it, so the processes sharing this database append to
-- one linear chain. It starts at the last stored entry (or the genesis hash) and is never deleted.
CREATE TABLE record_head (
  id smallint PRIMARY KEY CHECK (id = 1),
  entry_id bigint NOT NULL,
  hash text NOT NULL
);
--> statement-breakpoint
INSERT INTO record_head (id, entry_id, hash)
SELECT 1, COALESCE(MAX(id), 0), COALESCE((SELECT e.hash FROM case_events e ORDER BY e.id DESC LIMIT 1), repeat('0', 64))
FROM case_events;
--> statement-breakpoint
CREATE TRIGGER record_head_no_delete BEFORE DELETE ON record_head
FOR EACH ROW EXECUTE FUNCTION refuse_change('record_head is kept, not deleted');
--> statement-breakpoint
CREATE TRIGGER record_head_no_truncate BEFORE TRUNCATE ON record_head
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('record_head is kept, not deleted');
