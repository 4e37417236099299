-- A closed deadline is history: its due date, outcome and notices may not change afterwards.
CREATE TRIGGER deadlines_closed_is_final
BEFORE UPDATE ON deadlines
WHEN OLD.state = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'deadline is closed and may not change');
END;
--> statement-breakpoint
CREATE TRIGGER deadlines_no_delete
BEFORE DELETE ON deadlines
BEGIN
  SELECT RAISE(ABORT, 'deadlines are kept, not deleted');
END;
