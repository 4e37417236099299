DROP INDEX `cases_reviewer_idx`;--> statement-breakpoint
DROP INDEX `cases_handler_idx`;--> statement-breakpoint
CREATE INDEX `cases_reviewer_idx` ON `cases` (`reviewer_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `cases_handler_idx` ON `cases` (`handler_id`,`updated_at`);