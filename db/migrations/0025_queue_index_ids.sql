DROP INDEX `cases_status_idx`;--> statement-breakpoint
DROP INDEX `cases_reviewer_idx`;--> statement-breakpoint
DROP INDEX `cases_handler_idx`;--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_reviewer_idx` ON `cases` (`reviewer_id`,`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_handler_idx` ON `cases` (`handler_id`,`updated_at`,`id`);