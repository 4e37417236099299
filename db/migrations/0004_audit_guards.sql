-- Checkpoints and credential snapshots are evidence: once written they never change (as case_events).
CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
BEGIN
  SELECT RAISE(ABORT, 'checkpoints are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
BEGIN
  SELECT RAISE(ABORT, 'checkpoints are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER credential_snapshots_no_update BEFORE UPDATE ON credential_snapshots
BEGIN
  SELECT RAISE(ABORT, 'credential snapshots are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER credential_snapshots_no_delete BEFORE DELETE ON credential_snapshots
BEGIN
  SELECT RAISE(ABORT, 'credential snapshots are immutable');
END;
