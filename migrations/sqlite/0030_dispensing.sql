CREATE TABLE `controlled_register` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`kind` text NOT NULL,
	`product_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`patient_id` text,
	`prescription_id` text,
	`document_id` text NOT NULL,
	`user_id` text NOT NULL,
	`device_name` text DEFAULT '' NOT NULL,
	`occurred_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `medicine_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `stock_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "controlled_register_kind_check" CHECK("controlled_register"."kind" in ('DISPENSE', 'SALE', 'RETURN')),
	CONSTRAINT "controlled_register_quantity_check" CHECK("controlled_register"."quantity" <> 0)
);
--> statement-breakpoint
CREATE INDEX `controlled_register_clinic_idx` ON `controlled_register` (`clinic_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `controlled_register_product_idx` ON `controlled_register` (`clinic_id`,`product_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `dispense_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`dispense_id` text NOT NULL,
	`prescription_line_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`product_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`lot` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`dispense_id`) REFERENCES `dispenses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prescription_line_id`) REFERENCES `prescription_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `medicine_products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dispense_lines_quantity_check" CHECK("dispense_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `dispense_lines_dispense_idx` ON `dispense_lines` (`dispense_id`);--> statement-breakpoint
CREATE INDEX `dispense_lines_prescription_line_idx` ON `dispense_lines` (`prescription_line_id`);--> statement-breakpoint
CREATE TABLE `dispenses` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`prescription_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`pharmacist_user_id` text NOT NULL,
	`device_name` text DEFAULT '' NOT NULL,
	`overrides_json` text DEFAULT '[]' NOT NULL,
	`dispensed_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prescription_id`) REFERENCES `prescriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pharmacist_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispenses_prescription_idx` ON `dispenses` (`prescription_id`);--> statement-breakpoint
CREATE INDEX `dispenses_patient_idx` ON `dispenses` (`patient_id`);