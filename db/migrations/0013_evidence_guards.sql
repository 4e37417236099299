-- Evidence metadata and the read log are records: once written they never change (as case_events).
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
BEGIN
  SELECT RAISE(ABORT, 'evidence is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
BEGIN
  SELECT RAISE(ABORT, 'evidence is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER read_log_no_update BEFORE UPDATE ON read_log
BEGIN
  SELECT RAISE(ABORT, 'the read log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER read_log_no_delete BEFORE DELETE ON read_log
BEGIN
  SELECT RAISE(ABORT, 'the read log is append-only');
END;
