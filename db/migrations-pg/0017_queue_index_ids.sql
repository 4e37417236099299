DROP INDEX "cases_status_idx";--> statement-breakpoint
DROP INDEX "cases_reviewer_idx";--> statement-breakpoint
DROP INDEX "cases_handler_idx";--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_reviewer_idx" ON "cases" USING btree ("reviewer_id","status","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_handler_idx" ON "cases" USING btree ("handler_id","updated_at","id");