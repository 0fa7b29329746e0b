-- What is known of a patient's allergies (issue #33): not recorded, no known allergies (stated
-- by someone, at a time), or listed. Nobody stated "none known" for a patient registered before
-- this, so they start as not recorded, or as listed when they have allergies on file. Every
-- workstation and the hub (its migration 0013) run the same update, so nothing needs to sync.
ALTER TABLE `patients` ADD `allergy_status` text DEFAULT 'NOT_RECORDED' NOT NULL;--> statement-breakpoint
ALTER TABLE `patients` ADD `allergies_stated_by` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `allergies_stated_at` text;--> statement-breakpoint
UPDATE `patients` SET `allergy_status` = 'LISTED'
  WHERE EXISTS (SELECT 1 FROM `patient_allergies` WHERE `patient_allergies`.`patient_id` = `patients`.`id` AND `patient_allergies`.`deleted_at` IS NULL);
