-- The auth epoch: one counter, bumped in the same transaction as every change that can end or alter a bearer
-- token's user (a token deleted or changed, a user changed, deactivated or deleted), by whichever connection or
-- process makes it. A server caches token → user per epoch (db/users/token-cache.ts); a new token needs no bump.
INSERT INTO auth_epoch (id, epoch) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER tokens_update_auth_epoch AFTER UPDATE ON tokens
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER tokens_delete_auth_epoch AFTER DELETE ON tokens
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER users_update_auth_epoch AFTER UPDATE ON users
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER users_delete_auth_epoch AFTER DELETE ON users
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
