CREATE TABLE `encounter_billable_items` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`catalogue_code` text NOT NULL,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`created_at` text NOT NULL,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "encounter_billable_items_quantity_check" CHECK("encounter_billable_items"."quantity" > 0),
	CONSTRAINT "encounter_billable_items_price_check" CHECK("encounter_billable_items"."unit_price_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `encounter_billable_items_encounter_idx` ON `encounter_billable_items` (`encounter_id`);--> statement-breakpoint
CREATE TABLE `encounter_diagnoses` (
	`id` text PRIMARY KEY NOT NULL,
	`encounter_id` text NOT NULL,
	`note_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`rank` text NOT NULL,
	`certainty` text NOT NULL,
	`chronic` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`sync_clock` text,
	FOREIGN KEY (`encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`note_id`) REFERENCES `encounter_notes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `encounter_diagnoses_encounter_idx` ON `encounter_diagnoses` (`encounter_id`);--> statement-breakpoint
CREATE INDEX `encounter_diagnoses_patient_idx` ON `encounter_diagnoses` (`patient_id`,`chronic`);--> statement-breakpoint
CREATE TABLE `encounter_note_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`device_id` text NOT NULL,
	`author_user_id` text NOT NULL,
	`version` integer NOT NULL,
	`subjective` text DEFAULT '' NOT NULL,
	`objective` text DEFAULT '' NOT NULL,
	`assessment` text DEFAULT '' NOT NULL,
	`plan` text DEFAULT '' NOT NULL,
	`diagnoses_json` text DEFAULT '[]' NOT NULL,
	`based_on_draft_id` text,
	`based_on_version` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `encounter_note_drafts_device_unique` ON `encounter_note_drafts` (`encounter_id`,`device_id`);--> statement-breakpoint
CREATE TABLE `encounter_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`amends_note_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`subjective` text NOT NULL,
	`objective` text NOT NULL,
	`assessment` text NOT NULL,
	`plan` text NOT NULL,
	`author_user_id` text NOT NULL,
	`device_id` text NOT NULL,
	`signed_at` text NOT NULL,
	`created_at` text NOT NULL,
	`sync_clock` text,
	FOREIGN KEY (`encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "encounter_notes_kind_check" CHECK("encounter_notes"."kind" in ('ORIGINAL', 'AMENDMENT'))
);
--> statement-breakpoint
CREATE INDEX `encounter_notes_encounter_idx` ON `encounter_notes` (`encounter_id`,`signed_at`);--> statement-breakpoint
CREATE INDEX `encounter_notes_patient_idx` ON `encounter_notes` (`patient_id`,`signed_at`);--> statement-breakpoint
CREATE TABLE `encounter_vitals` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`clinic_id` text NOT NULL,
	`encounter_id` text,
	`kind` text NOT NULL,
	`value_hundredths` integer NOT NULL,
	`unit` text NOT NULL,
	`loinc` text NOT NULL,
	`measured_at` text NOT NULL,
	`recorded_by_user_id` text,
	`created_at` text NOT NULL,
	`sync_clock` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `encounter_vitals_patient_idx` ON `encounter_vitals` (`patient_id`,`measured_at`);--> statement-breakpoint
CREATE INDEX `encounter_vitals_encounter_idx` ON `encounter_vitals` (`encounter_id`);--> statement-breakpoint
CREATE TABLE `encounters` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`reference` text NOT NULL,
	`patient_id` text NOT NULL,
	`doctor_user_id` text NOT NULL,
	`device_id` text NOT NULL,
	`origin` text NOT NULL,
	`queue_entry_id` text,
	`appointment_id` text,
	`status` text DEFAULT 'OPEN' NOT NULL,
	`started_at` text NOT NULL,
	`signed_at` text,
	`completed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`queue_entry_id`) REFERENCES `queue_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "encounters_status_check" CHECK("encounters"."status" in ('OPEN', 'SIGNED', 'COMPLETED')),
	CONSTRAINT "encounters_origin_check" CHECK("encounters"."origin" in ('QUEUE', 'UNSCHEDULED'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `encounters_reference_unique` ON `encounters` (`reference`);--> statement-breakpoint
CREATE INDEX `encounters_patient_idx` ON `encounters` (`patient_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `encounters_doctor_idx` ON `encounters` (`clinic_id`,`doctor_user_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `encounters_queue_entry_idx` ON `encounters` (`queue_entry_id`);--> statement-breakpoint
CREATE INDEX `encounters_appointment_idx` ON `encounters` (`appointment_id`);--> statement-breakpoint
CREATE TABLE `note_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`owner_user_id` text,
	`name` text NOT NULL,
	`subjective` text DEFAULT '' NOT NULL,
	`objective` text DEFAULT '' NOT NULL,
	`assessment` text DEFAULT '' NOT NULL,
	`plan` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `note_templates_clinic_idx` ON `note_templates` (`clinic_id`,`owner_user_id`);--> statement-breakpoint
-- A signed note and its diagnoses never change again, whatever code path tries: a correction is an amendment.
CREATE TRIGGER `encounter_notes_signed_no_update` BEFORE UPDATE OF `encounter_id`, `kind`, `amends_note_id`, `reason`, `subjective`, `objective`, `assessment`, `plan`, `author_user_id`, `signed_at` ON `encounter_notes`
BEGIN
	SELECT RAISE(ABORT, 'A signed note cannot be changed; amend it instead.');
END;
--> statement-breakpoint
CREATE TRIGGER `encounter_notes_signed_no_delete` BEFORE DELETE ON `encounter_notes`
BEGIN
	SELECT RAISE(ABORT, 'A signed note cannot be changed; amend it instead.');
END;
--> statement-breakpoint
CREATE TRIGGER `encounter_diagnoses_signed_no_update` BEFORE UPDATE OF `encounter_id`, `note_id`, `code`, `title`, `rank`, `certainty`, `chronic` ON `encounter_diagnoses`
BEGIN
	SELECT RAISE(ABORT, 'A signed diagnosis cannot be changed; amend the note instead.');
END;
--> statement-breakpoint
CREATE TRIGGER `encounter_diagnoses_signed_no_delete` BEFORE DELETE ON `encounter_diagnoses`
BEGIN
	SELECT RAISE(ABORT, 'A signed diagnosis cannot be changed; amend the note instead.');
END;
