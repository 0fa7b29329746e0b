CREATE TABLE `provisional_references` (
	`reference` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`series` text NOT NULL,
	`counter` integer NOT NULL,
	`issued_at` text NOT NULL,
	`renamed_to` text,
	`renamed_at` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `provisional_references_waiting_idx` ON `provisional_references` (`renamed_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `provisional_references_counter` ON `provisional_references` (`clinic_id`,`series`,`counter`);--> statement-breakpoint
CREATE TABLE `reference_usage` (
	`clinic_id` text NOT NULL,
	`series` text NOT NULL,
	`day` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`clinic_id`, `series`, `day`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `appointments` ADD `provisional_reference` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `provisional_mrn` text;--> statement-breakpoint
CREATE INDEX `patients_provisional_mrn_idx` ON `patients` (`provisional_mrn`) WHERE "patients"."provisional_mrn" is not null;