-- The guards of db/migrations/0019_outbox_guards.sql in PL/pgSQL, with the same messages: the outbox and the
-- delivery log are records, never changed once written. TRUNCATE (which skips row triggers) is refused too.
CREATE TRIGGER outbox_no_update BEFORE UPDATE OR DELETE ON outbox
FOR EACH ROW EXECUTE FUNCTION refuse_change('the outbox is append-only');
--> statement-breakpoint
CREATE TRIGGER outbox_no_truncate BEFORE TRUNCATE ON outbox
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the outbox is append-only');
--> statement-breakpoint
CREATE TRIGGER webhook_attempts_no_update BEFORE UPDATE OR DELETE ON webhook_attempts
FOR EACH ROW EXECUTE FUNCTION refuse_change('the delivery log is append-only');
--> statement-breakpoint
CREATE TRIGGER webhook_attempts_no_truncate BEFORE TRUNCATE ON webhook_attempts
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the delivery log is append-only');
