CREATE TABLE `diagnostic_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`ordered_by_user_id` text NOT NULL,
	`test_code` text NOT NULL,
	`test_name` text NOT NULL,
	`kind` text NOT NULL,
	`loinc` text,
	`urgency` text NOT NULL,
	`clinical_note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'ORDERED' NOT NULL,
	`price_code` text NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`ordered_at` text NOT NULL,
	`collected_at` text,
	`resulted_at` text,
	`cancelled_at` text,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ordered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "diagnostic_orders_status_check" CHECK("diagnostic_orders"."status" in ('ORDERED', 'COLLECTED', 'RESULTED', 'CANCELLED')),
	CONSTRAINT "diagnostic_orders_price_check" CHECK("diagnostic_orders"."unit_price_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `diagnostic_orders_encounter_idx` ON `diagnostic_orders` (`encounter_id`);--> statement-breakpoint
CREATE INDEX `diagnostic_orders_patient_idx` ON `diagnostic_orders` (`patient_id`,`ordered_at`);--> statement-breakpoint
CREATE TABLE `diagnostic_results` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`component_code` text NOT NULL,
	`component_name` text NOT NULL,
	`loinc` text,
	`value` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`range_low` text,
	`range_high` text,
	`flag` text,
	`flagged_by_hand` integer DEFAULT false NOT NULL,
	`document_id` text,
	`entered_by_user_id` text NOT NULL,
	`entered_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`order_id`) REFERENCES `diagnostic_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diagnostic_results_patient_idx` ON `diagnostic_results` (`patient_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `diagnostic_results_item_unique` ON `diagnostic_results` (`order_id`,`component_code`);