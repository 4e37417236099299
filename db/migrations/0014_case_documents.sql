CREATE TABLE `case_documents` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`event_id` integer NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`issued_at` text NOT NULL,
	`draft_hash` text NOT NULL,
	`content` text NOT NULL,
	`document_hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_documents_seq_uq` ON `case_documents` (`kind`,`year`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_documents_number_uq` ON `case_documents` (`number`);--> statement-breakpoint
CREATE INDEX `case_documents_case_idx` ON `case_documents` (`case_id`,`id`);