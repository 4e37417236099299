CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`working` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `calendar_days_year_idx` ON `calendar_days` (`year`);--> statement-breakpoint
CREATE TABLE `calendar_overrides` (
	`id` integer PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`working` integer NOT NULL,
	`note` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_overrides_date_region_uq` ON `calendar_overrides` (`date`,`region`);--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`source_url` text,
	`version` text NOT NULL,
	`loaded_at` text NOT NULL,
	`loaded_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deadlines` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`policy_key` text NOT NULL,
	`basis` text NOT NULL,
	`policy_version` text NOT NULL,
	`days` integer NOT NULL,
	`unit` text NOT NULL,
	`started_at` text NOT NULL,
	`start_date` text NOT NULL,
	`segment_start` text NOT NULL,
	`used_days` integer DEFAULT 0 NOT NULL,
	`due_date` text NOT NULL,
	`warn_date` text,
	`escalate_date` text,
	`provisional` integer NOT NULL,
	`state` text NOT NULL,
	`paused_since` text,
	`paused_days` integer DEFAULT 0 NOT NULL,
	`notice` text DEFAULT 'none' NOT NULL,
	`closed_at` text,
	`closed_by` text,
	`outcome` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deadlines_case_idx` ON `deadlines` (`case_id`,`kind`);--> statement-breakpoint
CREATE INDEX `deadlines_state_due_idx` ON `deadlines` (`state`,`due_date`);--> statement-breakpoint
CREATE TABLE `report_submissions` (
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`submitted_at` text NOT NULL,
	`submitted_by` text NOT NULL,
	PRIMARY KEY(`kind`, `period`)
);
