CREATE TABLE `diagnosis_code_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`edition` text NOT NULL,
	`version` text NOT NULL,
	`source` text NOT NULL,
	`file_name` text NOT NULL,
	`code_count` integer NOT NULL,
	`loaded_at` text NOT NULL,
	`load_number` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `diagnosis_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`billable` integer NOT NULL,
	`chapter` integer NOT NULL,
	`edition` text NOT NULL
);
