CREATE TABLE `prescription_draft_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`prescription_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`position` integer NOT NULL,
	`product_id` text NOT NULL,
	`product_label` text NOT NULL,
	`dose_milli` integer NOT NULL,
	`dose_unit` text NOT NULL,
	`route` text,
	`frequency` text NOT NULL,
	`duration_days` integer,
	`quantity` integer,
	`refills` integer DEFAULT 0 NOT NULL,
	`instructions` text DEFAULT '' NOT NULL,
	`overrides_json` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`prescription_id`) REFERENCES `prescriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `medicine_products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prescription_draft_lines_prescription_idx` ON `prescription_draft_lines` (`prescription_id`);--> statement-breakpoint
CREATE TABLE `prescription_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`prescription_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`position` integer NOT NULL,
	`product_id` text NOT NULL,
	`product_label` text NOT NULL,
	`dose_milli` integer NOT NULL,
	`dose_unit` text NOT NULL,
	`route` text,
	`frequency` text NOT NULL,
	`duration_days` integer,
	`quantity` integer,
	`refills` integer DEFAULT 0 NOT NULL,
	`instructions` text DEFAULT '' NOT NULL,
	`overrides_json` text DEFAULT '[]' NOT NULL,
	`signed_by_user_id` text NOT NULL,
	`signed_at` text NOT NULL,
	`created_at` text NOT NULL,
	`sync_clock` text,
	FOREIGN KEY (`prescription_id`) REFERENCES `prescriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `medicine_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prescription_lines_prescription_idx` ON `prescription_lines` (`prescription_id`);--> statement-breakpoint
CREATE INDEX `prescription_lines_patient_idx` ON `prescription_lines` (`patient_id`,`signed_at`);--> statement-breakpoint
CREATE TABLE `prescriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`doctor_user_id` text NOT NULL,
	`reference` text NOT NULL,
	`status` text DEFAULT 'DRAFT' NOT NULL,
	`signed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "prescriptions_status_check" CHECK("prescriptions"."status" in ('DRAFT', 'SIGNED'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prescriptions_encounter_id_unique` ON `prescriptions` (`encounter_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `prescriptions_reference_unique` ON `prescriptions` (`reference`);--> statement-breakpoint
CREATE INDEX `prescriptions_patient_idx` ON `prescriptions` (`patient_id`,`signed_at`);