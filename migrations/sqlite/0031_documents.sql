CREATE TABLE `document_uploads` (
	`content_hash` text PRIMARY KEY NOT NULL,
	`queued_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `patient_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`encounter_id` text,
	`type` text NOT NULL,
	`document_date` text NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`content_hash` text NOT NULL,
	`uploaded_by_user_id` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`encounter_id`) REFERENCES `encounters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "patient_documents_type_check" CHECK("patient_documents"."type" in ('REFERRAL_LETTER', 'LAB_REPORT', 'IMAGING', 'PHOTO', 'CONSENT', 'OTHER')),
	CONSTRAINT "patient_documents_size_check" CHECK("patient_documents"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE INDEX `patient_documents_patient_idx` ON `patient_documents` (`patient_id`,`document_date`);--> statement-breakpoint
CREATE INDEX `patient_documents_hash_idx` ON `patient_documents` (`content_hash`);