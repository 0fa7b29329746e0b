-- Conflict kinds are declared by the modules (shared/modules/<name>/conflicts.ts) and checked by
-- the core, so the table no longer lists them in a CHECK constraint that every new kind would need
-- a rebuild to extend. The rebuild drops the table's triggers: the guard against hard deletes is
-- made again here, and the capture triggers are made again at start-up (capture-triggers.ts).
-- The migration runner switches foreign keys off around it and checks them before it commits.
CREATE TABLE `__new_sync_conflicts` (
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
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_sync_conflicts`("id", "clinic_id", "kind", "row_ids", "detected_at", "resolved_at", "resolved_by_user_id", "resolution", "created_at", "updated_at", "deleted_at", "sync_clock") SELECT "id", "clinic_id", "kind", "row_ids", "detected_at", "resolved_at", "resolved_by_user_id", "resolution", "created_at", "updated_at", "deleted_at", "sync_clock" FROM `sync_conflicts`;--> statement-breakpoint
DROP TABLE `sync_conflicts`;--> statement-breakpoint
ALTER TABLE `__new_sync_conflicts` RENAME TO `sync_conflicts`;--> statement-breakpoint
CREATE INDEX `sync_conflicts_open_idx` ON `sync_conflicts` (`clinic_id`,`resolved_at`);--> statement-breakpoint
CREATE TRIGGER `sync_conflicts_no_delete` BEFORE DELETE ON `sync_conflicts`
BEGIN
	SELECT RAISE(ABORT, 'sync_conflicts rows are never deleted; set deleted_at');
END;
