CREATE TABLE `desk_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `desk_sessions_user_idx` ON `desk_sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `desk_sessions_expiry_idx` ON `desk_sessions` (`expires_at`);