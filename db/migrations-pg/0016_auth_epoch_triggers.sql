-- The auth epoch of db/migrations/0024_auth_epoch_triggers.sql in PL/pgSQL: one bump per statement that deletes
-- or changes tokens or users (TRUNCATE too), in that statement's transaction. BEFORE the statement, so every
-- credential write takes the epoch row's lock before any row lock of its own and two of them cannot deadlock.
INSERT INTO auth_epoch (id, epoch) VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION bump_auth_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tokens_auth_epoch BEFORE UPDATE OR DELETE OR TRUNCATE ON tokens
FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();
--> statement-breakpoint
CREATE TRIGGER users_auth_epoch BEFORE UPDATE OR DELETE OR TRUNCATE ON users
FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_epoch();
