CREATE TABLE `evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`filename` text NOT NULL,
	`uploader_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `evidence_case_idx` ON `evidence` (`case_id`,`at`);--> statement-breakpoint
CREATE INDEX `evidence_sha_idx` ON `evidence` (`sha256`);--> statement-breakpoint
CREATE TABLE `read_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`at` text NOT NULL,
	`case_id` text NOT NULL,
	`resource` text NOT NULL,
	`target` text,
	`channel` text NOT NULL,
	`route` text NOT NULL,
	`address` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `read_log_case_idx` ON `read_log` (`case_id`,`id`);