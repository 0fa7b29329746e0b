-- Clinics belong to an organization, the boundary of trust, and so do user accounts. A clinic
-- made before organizations existed becomes an organization of its own, with the clinic's id and
-- name, and a user joins the organization of the first clinic (by code) they ever held a role in:
-- the hub's migration derives the same, so workstations and hub agree with no change to send.
-- Both tables are rebuilt for the new NOT NULL reference; the rebuild drops their triggers, and
-- the guards against hard deletes and the capture triggers are made again at start-up. The
-- migration runner switches foreign keys off around it and checks them before it commits.
CREATE TABLE `organizations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text
);
--> statement-breakpoint
INSERT INTO `organizations` (`id`, `name`, `created_at`, `updated_at`) SELECT `id`, `name`, `created_at`, `updated_at` FROM `clinics`;
--> statement-breakpoint
CREATE TABLE `__new_clinics` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`state` text DEFAULT '' NOT NULL,
	`city` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`currency` text NOT NULL,
	`time_zone` text NOT NULL,
	`status` text DEFAULT 'ACTIVE' NOT NULL,
	`idle_lock_minutes` integer DEFAULT 15 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "clinics_status_check" CHECK("__new_clinics"."status" in ('ACTIVE', 'INACTIVE', 'SUSPENDED')),
	CONSTRAINT "clinics_code_check" CHECK("__new_clinics"."code" glob '[A-Z][A-Z][A-Z][0-9][0-9]'),
	CONSTRAINT "clinics_idle_lock_check" CHECK("__new_clinics"."idle_lock_minutes" between 1 and 240)
);
--> statement-breakpoint
INSERT INTO `__new_clinics` ("id", "organization_id", "code", "name", "country", "state", "city", "address", "phone", "currency", "time_zone", "status", "idle_lock_minutes", "created_at", "updated_at", "deleted_at", "sync_clock") SELECT "id", "id", "code", "name", "country", "state", "city", "address", "phone", "currency", "time_zone", "status", "idle_lock_minutes", "created_at", "updated_at", "deleted_at", "sync_clock" FROM `clinics`;
--> statement-breakpoint
DROP TABLE `clinics`;
--> statement-breakpoint
ALTER TABLE `__new_clinics` RENAME TO `clinics`;
--> statement-breakpoint
CREATE UNIQUE INDEX `clinics_code_unique` ON `clinics` (`code`);
--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`password_changed_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_users` ("id", "organization_id", "username", "full_name", "email", "phone", "password_hash", "active", "must_change_password", "password_changed_at", "created_at", "updated_at", "deleted_at", "sync_clock")
SELECT u."id",
	coalesce(
		(SELECT c."organization_id" FROM `memberships` m JOIN `clinics` c ON c."id" = m."clinic_id" WHERE m."user_id" = u."id" ORDER BY c."code" LIMIT 1),
		(SELECT c."organization_id" FROM `clinics` c ORDER BY c."code" LIMIT 1)
	),
	u."username", u."full_name", u."email", u."phone", u."password_hash", u."active", u."must_change_password", u."password_changed_at", u."created_at", u."updated_at", u."deleted_at", u."sync_clock"
FROM `users` u;
--> statement-breakpoint
DROP TABLE `users`;
--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);
