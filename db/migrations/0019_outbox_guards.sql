-- The outbox and the delivery log are records: a message, once committed with its event, never changes, and
-- an attempt, once logged, stays (delivery state lives in webhook_deliveries).
CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox
BEGIN
  SELECT RAISE(ABORT, 'the outbox is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN
  SELECT RAISE(ABORT, 'the outbox is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER webhook_attempts_no_update BEFORE UPDATE ON webhook_attempts
BEGIN
  SELECT RAISE(ABORT, 'the delivery log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER webhook_attempts_no_delete BEFORE DELETE ON webhook_attempts
BEGIN
  SELECT RAISE(ABORT, 'the delivery log is append-only');
END;
