-- Defense in depth below the machine: the record is append-only, and no decision row may exist for a
-- major case unless the latest review of that very draft hash approved it (seed §9(3)).
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN
  SELECT RAISE(ABORT, 'case_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN
  SELECT RAISE(ABORT, 'case_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER decisions_require_approved_review BEFORE INSERT ON decisions
WHEN (NEW.is_major = 1 OR COALESCE((SELECT is_major FROM cases WHERE id = NEW.case_id), 1) = 1)
  AND NOT COALESCE((
    SELECT r.outcome = 'approved' OR (r.outcome = 'referred' AND NEW.outcome = 'transfer')
    FROM reviews r
    WHERE r.case_id = NEW.case_id AND r.draft_hash = NEW.draft_hash
    ORDER BY r.id DESC LIMIT 1
  ), 0)
BEGIN
  SELECT RAISE(ABORT, 'decision refused: no approving legal review of this draft (未经法制审核或者审核未通过的，不得作出决定)');
END;
--> statement-breakpoint
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN
  SELECT RAISE(ABORT, 'reviews are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN
  SELECT RAISE(ABORT, 'reviews are immutable');
END;
