CREATE TABLE `publications` (
	`case_id` text PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`content` text NOT NULL,
	`published_on` text NOT NULL,
	`published_at` text NOT NULL,
	`withdrawn_on` text,
	`withdrawn_at` text
);
--> statement-breakpoint
CREATE INDEX `publications_listed_idx` ON `publications` (`withdrawn_at`,`published_on`);