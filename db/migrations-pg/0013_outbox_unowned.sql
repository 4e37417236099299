-- The guard of db/migrations/0021_outbox_unowned.sql in PL/pgSQL: while no webhook endpoint exists, nobody is
-- owed an outbox message (an endpoint is owed only what is committed after it was registered), so the row is
-- skipped in the statement that writes it.
CREATE FUNCTION skip_unowned_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhooks) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER outbox_unowned BEFORE INSERT ON outbox
FOR EACH ROW EXECUTE FUNCTION skip_unowned_outbox();
