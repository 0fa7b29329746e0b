CREATE TABLE `display_links` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `display_links_key_hash_unique` ON `display_links` (`key_hash`);