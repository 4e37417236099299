-- The guards of db/migrations (0001, 0004, 0006) in PL/pgSQL, with the same messages. They fire for every
-- role that is not a superuser, the table owner included; TRUNCATE (which skips row triggers) is refused too.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
FOR EACH ROW EXECUTE FUNCTION refuse_change('case_events is append-only');
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('case_events is append-only');
--> statement-breakpoint
CREATE FUNCTION decisions_require_approved_review() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  major boolean;
  passed boolean;
BEGIN
  major := NEW.is_major = 1 OR COALESCE((SELECT c.is_major FROM cases c WHERE c.id = NEW.case_id), 1) = 1;
  passed := COALESCE((
    SELECT r.outcome = 'approved' OR (r.outcome = 'referred' AND NEW.outcome = 'transfer')
    FROM reviews r
    WHERE r.case_id = NEW.case_id AND r.draft_hash = NEW.draft_hash
    ORDER BY r.id DESC LIMIT 1
  ), false);
  IF major AND NOT passed THEN
    RAISE EXCEPTION 'decision refused: no approving legal review of this draft (未经法制审核或者审核未通过的，不得作出决定)';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_require_approved_review BEFORE INSERT ON decisions
FOR EACH ROW EXECUTE FUNCTION decisions_require_approved_review();
--> statement-breakpoint
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
FOR EACH ROW EXECUTE FUNCTION refuse_change('decisions are immutable');
--> statement-breakpoint
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('decisions are immutable');
--> statement-breakpoint
CREATE TRIGGER reviews_no_update BEFORE UPDATE OR DELETE ON reviews
FOR EACH ROW EXECUTE FUNCTION refuse_change('reviews are immutable');
--> statement-breakpoint
CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('reviews are immutable');
--> statement-breakpoint
CREATE TRIGGER checkpoints_no_update BEFORE UPDATE OR DELETE ON checkpoints
FOR EACH ROW EXECUTE FUNCTION refuse_change('checkpoints are append-only');
--> statement-breakpoint
CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('checkpoints are append-only');
--> statement-breakpoint
CREATE TRIGGER credential_snapshots_no_update BEFORE UPDATE OR DELETE ON credential_snapshots
FOR EACH ROW EXECUTE FUNCTION refuse_change('credential snapshots are immutable');
--> statement-breakpoint
CREATE TRIGGER credential_snapshots_no_truncate BEFORE TRUNCATE ON credential_snapshots
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('credential snapshots are immutable');
--> statement-breakpoint
CREATE FUNCTION deadlines_closed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'closed' THEN
    RAISE EXCEPTION 'deadline is closed and may not change';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deadlines_closed_is_final BEFORE UPDATE ON deadlines
FOR EACH ROW EXECUTE FUNCTION deadlines_closed_is_final();
--> statement-breakpoint
CREATE TRIGGER deadlines_no_delete BEFORE DELETE ON deadlines
FOR EACH ROW EXECUTE FUNCTION refuse_change('deadlines are kept, not deleted');
--> statement-breakpoint
CREATE TRIGGER deadlines_no_truncate BEFORE TRUNCATE ON deadlines
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('deadlines are kept, not deleted');
