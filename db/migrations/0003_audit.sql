CREATE TABLE `checkpoints` (
	`id` integer PRIMARY KEY NOT NULL,
	`sequence` integer NOT NULL,
	`head_hash` text NOT NULL,
	`at` text NOT NULL,
	`signature` text NOT NULL,
	`public_key` text NOT NULL,
	`key_source` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `credential_snapshots` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`display_name` text NOT NULL,
	`certificate_no` text,
	`certificate_valid_until` text,
	`qualification_no` text,
	`qualification_valid_until` text
);
--> statement-breakpoint
CREATE INDEX `credential_snapshots_user_idx` ON `credential_snapshots` (`user_id`);--> statement-breakpoint
CREATE TABLE `inquiries` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`status` text NOT NULL,
	`snapshot` text NOT NULL,
	`machine_version` integer NOT NULL,
	`version` integer NOT NULL,
	`withdrawal_due` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inquiries_case_idx` ON `inquiries` (`case_id`);--> statement-breakpoint
CREATE INDEX `inquiries_status_idx` ON `inquiries` (`status`);