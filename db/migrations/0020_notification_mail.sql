ALTER TABLE `users` ADD `email` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `mail_status` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `mail_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `mail_next_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `mail_error` text;--> statement-breakpoint
CREATE INDEX `notifications_mail_idx` ON `notifications` (`mail_status`,`mail_next_at`);