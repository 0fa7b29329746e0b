CREATE TABLE `encounter_procedures` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`procedure_code` text NOT NULL,
	`procedure_name` text NOT NULL,
	`site` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`plan_step_id` text,
	`performed_by_user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_step_id`) REFERENCES `treatment_plan_steps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`performed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "encounter_procedures_quantity_check" CHECK("encounter_procedures"."quantity" > 0),
	CONSTRAINT "encounter_procedures_price_check" CHECK("encounter_procedures"."unit_price_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `encounter_procedures_encounter_idx` ON `encounter_procedures` (`encounter_id`);--> statement-breakpoint
CREATE INDEX `encounter_procedures_patient_idx` ON `encounter_procedures` (`patient_id`);--> statement-breakpoint
CREATE TABLE `treatment_plan_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`position` integer NOT NULL,
	`procedure_code` text NOT NULL,
	`procedure_name` text NOT NULL,
	`site` text DEFAULT '' NOT NULL,
	`planned_date` text,
	`status` text DEFAULT 'PLANNED' NOT NULL,
	`estimated_cost_minor` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`appointment_id` text,
	`done_encounter_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`plan_id`) REFERENCES `treatment_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "treatment_plan_steps_status_check" CHECK("treatment_plan_steps"."status" in ('PLANNED', 'BOOKED', 'DONE', 'CANCELLED')),
	CONSTRAINT "treatment_plan_steps_cost_check" CHECK("treatment_plan_steps"."estimated_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `treatment_plan_steps_plan_idx` ON `treatment_plan_steps` (`plan_id`,`position`);--> statement-breakpoint
CREATE INDEX `treatment_plan_steps_patient_idx` ON `treatment_plan_steps` (`patient_id`,`procedure_code`);--> statement-breakpoint
CREATE TABLE `treatment_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`doctor_user_id` text NOT NULL,
	`title` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'PROPOSED' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "treatment_plans_status_check" CHECK("treatment_plans"."status" in ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'))
);
--> statement-breakpoint
CREATE INDEX `treatment_plans_patient_idx` ON `treatment_plans` (`patient_id`,`created_at`);