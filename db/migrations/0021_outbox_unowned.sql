-- A message nobody is owed is not kept: an endpoint is owed only the messages committed after it was
-- registered (its cursor), so while no endpoint exists at all no message can ever be delivered. Skipping the
-- row in the same statement that writes it keeps "committed with its event" exact once one exists (issue 19:
-- the undeliverable outbox was a sixth of a closed case's storage). Webhooks are never deleted.
CREATE TRIGGER outbox_unowned BEFORE INSERT ON outbox
WHEN NOT EXISTS (SELECT 1 FROM webhooks)
BEGIN
  SELECT RAISE(IGNORE);
END;
