CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`blocked_until` integer NOT NULL,
	`locked` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_throttle_expiry_idx` ON `sign_in_throttle` (`expires_at`);--> statement-breakpoint
CREATE INDEX `tokens_expiry_idx` ON `tokens` (`expires_at`);