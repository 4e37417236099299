CREATE TABLE `tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tokens_user_idx` ON `tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`roles` text NOT NULL,
	`certificate_no` text,
	`certificate_valid_until` text,
	`qualification_no` text,
	`qualification_valid_until` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`seq` integer,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_role` text,
	`at` text NOT NULL,
	`draft_hash` text,
	`accepted` integer NOT NULL,
	`refusal` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_events_case_seq_uq` ON `case_events` (`case_id`,`seq`) WHERE seq is not null;--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`state_value` text NOT NULL,
	`snapshot` text NOT NULL,
	`machine_id` text NOT NULL,
	`machine_version` integer NOT NULL,
	`version` integer NOT NULL,
	`handler_id` text NOT NULL,
	`reviewer_id` text,
	`is_major` integer NOT NULL,
	`draft_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `cases_reviewer_idx` ON `cases` (`reviewer_id`,`status`);--> statement-breakpoint
CREATE INDEX `cases_handler_idx` ON `cases` (`handler_id`,`status`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`case_id` text PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`draft_hash` text NOT NULL,
	`head_id` text NOT NULL,
	`outcome` text NOT NULL,
	`is_major` integer NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `draft_versions` (
	`case_id` text NOT NULL,
	`version` integer NOT NULL,
	`hash` text NOT NULL,
	`content` text NOT NULL,
	`author_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draft_versions_pk` ON `draft_versions` (`case_id`,`version`);--> statement-breakpoint
CREATE INDEX `draft_versions_hash_idx` ON `draft_versions` (`case_id`,`hash`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_pk` ON `idempotency_keys` (`user_id`,`key`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`event_id` integer NOT NULL,
	`draft_hash` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`outcome` text NOT NULL,
	`opinion` text NOT NULL,
	`items` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reviews_case_hash_idx` ON `reviews` (`case_id`,`draft_hash`,`id`);