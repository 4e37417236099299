-- The guards of db/migrations/0013_evidence_guards.sql in PL/pgSQL, with the same messages: evidence metadata
-- and the read log are records, never changed once written. TRUNCATE (which skips row triggers) is refused too.
CREATE TRIGGER evidence_no_update BEFORE UPDATE OR DELETE ON evidence
FOR EACH ROW EXECUTE FUNCTION refuse_change('evidence is append-only');
--> statement-breakpoint
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('evidence is append-only');
--> statement-breakpoint
CREATE TRIGGER read_log_no_update BEFORE UPDATE OR DELETE ON read_log
FOR EACH ROW EXECUTE FUNCTION refuse_change('the read log is append-only');
--> statement-breakpoint
CREATE TRIGGER read_log_no_truncate BEFORE TRUNCATE ON read_log
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the read log is append-only');
