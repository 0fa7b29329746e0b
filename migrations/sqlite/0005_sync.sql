CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`kind` text NOT NULL,
	`row_ids` text NOT NULL,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by_user_id` text,
	`resolution` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sync_conflicts_kind_check" CHECK("sync_conflicts"."kind" in ('DOUBLE_BOOKING', 'DUPLICATE_PATIENT', 'DUPLICATE_TOKEN'))
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_open_idx` ON `sync_conflicts` (`clinic_id`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`txn` integer NOT NULL,
	`hlc` text NOT NULL,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`changed` text,
	`pushed_seq` integer,
	`acked_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_outbox_txn_idx` ON `sync_outbox` (`txn`);--> statement-breakpoint
CREATE INDEX `sync_outbox_acked_idx` ON `sync_outbox` (`acked_at`);--> statement-breakpoint
CREATE TABLE `sync_rejections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pushed_seq` integer NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	`changes` text NOT NULL,
	`rejected_at` text NOT NULL,
	`dismissed_at` text
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`txn` integer DEFAULT 0 NOT NULL,
	`hlc` text NOT NULL,
	`mode` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `appointment_events` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `clinics` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `doctor_profiles` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `memberships` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `patient_allergies` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `patient_clinics` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `patient_conditions` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `queue_entries` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `schedule_exceptions` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `users` ADD `sync_clock` text;--> statement-breakpoint
ALTER TABLE `weekly_schedules` ADD `sync_clock` text;