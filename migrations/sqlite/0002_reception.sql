CREATE TABLE `appointment_events` (
	`id` text PRIMARY KEY NOT NULL,
	`appointment_id` text NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`user_id` text,
	`from_start_at` text,
	`to_start_at` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_events_appointment_idx` ON `appointment_events` (`appointment_id`,`at`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`reference` text NOT NULL,
	`patient_id` text NOT NULL,
	`doctor_user_id` text NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`type` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'SCHEDULED' NOT NULL,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`booked_by_user_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "appointments_type_check" CHECK("appointments"."type" in ('IN_PERSON', 'TELECONSULTATION', 'FOLLOW_UP', 'EMERGENCY')),
	CONSTRAINT "appointments_status_check" CHECK("appointments"."status" in ('SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
	CONSTRAINT "appointments_time_check" CHECK("appointments"."end_at" > "appointments"."start_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_reference_unique` ON `appointments` (`reference`);--> statement-breakpoint
CREATE INDEX `appointments_doctor_time_idx` ON `appointments` (`clinic_id`,`doctor_user_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_clinic_time_idx` ON `appointments` (`clinic_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_patient_idx` ON `appointments` (`patient_id`,`start_at`);--> statement-breakpoint
CREATE TABLE `doctor_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`specialization` text NOT NULL,
	`registration_number` text DEFAULT '' NOT NULL,
	`visibility` text DEFAULT 'PUBLIC' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "doctor_profiles_visibility_check" CHECK("doctor_profiles"."visibility" in ('PUBLIC', 'PRIVATE'))
);
--> statement-breakpoint
CREATE INDEX `doctor_profiles_specialization_idx` ON `doctor_profiles` (`specialization`);--> statement-breakpoint
CREATE TABLE `number_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`series` text NOT NULL,
	`range_start` integer NOT NULL,
	`range_end` integer NOT NULL,
	`next_value` integer NOT NULL,
	`device_id` text NOT NULL,
	`leased_at` text NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `number_blocks_series_idx` ON `number_blocks` (`clinic_id`,`series`,`range_start`);--> statement-breakpoint
CREATE TABLE `patient_allergies` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`substance` text NOT NULL,
	`reaction` text DEFAULT '' NOT NULL,
	`severity` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "patient_allergies_severity_check" CHECK("patient_allergies"."severity" in ('MILD', 'MODERATE', 'SEVERE', 'UNKNOWN'))
);
--> statement-breakpoint
CREATE INDEX `patient_allergies_patient_idx` ON `patient_allergies` (`patient_id`);--> statement-breakpoint
CREATE TABLE `patient_clinics` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`clinic_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_clinics_clinic_idx` ON `patient_clinics` (`clinic_id`,`patient_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `patient_clinics_unique` ON `patient_clinics` (`patient_id`,`clinic_id`);--> statement-breakpoint
CREATE TABLE `patient_conditions` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`name` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_conditions_patient_idx` ON `patient_conditions` (`patient_id`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`mrn` text NOT NULL,
	`registered_clinic_id` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text,
	`birth_date_estimated` integer DEFAULT false NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`phone_digits_reversed` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`national_id` text DEFAULT '' NOT NULL,
	`emergency_contact_name` text DEFAULT '' NOT NULL,
	`emergency_contact_phone` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`merged_into_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`registered_clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "patients_sex_check" CHECK("patients"."sex" in ('MALE', 'FEMALE', 'OTHER'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patients_mrn_unique` ON `patients` (`mrn`);--> statement-breakpoint
CREATE INDEX `patients_phone_rev_idx` ON `patients` (`phone_digits_reversed`) WHERE "patients"."phone_digits_reversed" <> '';--> statement-breakpoint
CREATE INDEX `patients_birth_date_idx` ON `patients` (`birth_date`) WHERE "patients"."birth_date" is not null;--> statement-breakpoint
CREATE INDEX `patients_merged_into_idx` ON `patients` (`merged_into_id`) WHERE "patients"."merged_into_id" is not null;--> statement-breakpoint
CREATE INDEX `patients_national_id_idx` ON `patients` (`national_id`) WHERE "patients"."national_id" <> '';--> statement-breakpoint
CREATE TABLE `queue_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`service_date` text NOT NULL,
	`token` text NOT NULL,
	`token_series` text NOT NULL,
	`token_number` integer NOT NULL,
	`patient_id` text NOT NULL,
	`appointment_id` text,
	`doctor_user_id` text,
	`priority` text NOT NULL,
	`status` text DEFAULT 'WAITING' NOT NULL,
	`room` text DEFAULT '' NOT NULL,
	`arrived_at` text NOT NULL,
	`called_at` text,
	`started_at` text,
	`finished_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "queue_entries_priority_check" CHECK("queue_entries"."priority" in ('RED', 'ORANGE', 'GREEN')),
	CONSTRAINT "queue_entries_status_check" CHECK("queue_entries"."status" in ('WAITING', 'CALLED', 'IN_CONSULTATION', 'DONE', 'LEFT'))
);
--> statement-breakpoint
CREATE INDEX `queue_entries_day_idx` ON `queue_entries` (`clinic_id`,`service_date`,`status`);--> statement-breakpoint
CREATE INDEX `queue_entries_token_idx` ON `queue_entries` (`clinic_id`,`service_date`,`token`);--> statement-breakpoint
CREATE INDEX `queue_entries_patient_idx` ON `queue_entries` (`patient_id`,`finished_at`);--> statement-breakpoint
CREATE TABLE `schedule_exceptions` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`doctor_user_id` text,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`start_time` text,
	`end_time` text,
	`slot_minutes` integer,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "schedule_exceptions_kind_check" CHECK("schedule_exceptions"."kind" in ('LEAVE', 'HOLIDAY', 'EXTRA'))
);
--> statement-breakpoint
CREATE INDEX `schedule_exceptions_day_idx` ON `schedule_exceptions` (`clinic_id`,`date`);--> statement-breakpoint
CREATE TABLE `token_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`last_number` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `weekly_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`doctor_user_id` text NOT NULL,
	`clinic_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`slot_minutes` integer NOT NULL,
	`breaks` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`doctor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "weekly_schedules_weekday_check" CHECK("weekly_schedules"."weekday" between 1 and 7),
	CONSTRAINT "weekly_schedules_slot_check" CHECK("weekly_schedules"."slot_minutes" between 5 and 240)
);
--> statement-breakpoint
CREATE INDEX `weekly_schedules_doctor_idx` ON `weekly_schedules` (`clinic_id`,`doctor_user_id`);