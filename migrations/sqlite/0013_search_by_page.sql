-- While a sync applies a page of the hub's changes (sync_state.mode 2), the name index is brought
-- up to date once at the end of the page instead of row by row: each INSERT ... SELECT into the
-- full-text index, as a row's trigger runs one, cost 14-40 us more than the row's entry itself
-- (measured), and a page pays that once instead of once per patient. The triggers only note which
-- patients the page touched; the sync engine indexes them in the same transaction
-- (index-pending.ts).
-- `renamed` marks a patient that was here before the page, whose old entry must go first; one
-- the page inserted keeps 0 through its later updates, as it has no entry yet.
-- A first sync cut off before this upgrade has its triggers set aside (bulk-triggers.ts): they
-- may be missing here, and the ones created here are kept when the others are put back.
CREATE TABLE `patient_search_pending` (
	`patient_id` text PRIMARY KEY NOT NULL,
	`renamed` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `patients_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `patients_search_update`;
--> statement-breakpoint
CREATE TRIGGER `patients_search_insert` AFTER INSERT ON `patients`
WHEN (SELECT `mode` FROM `sync_state` WHERE `id` = 1) NOT IN (2, 3)
BEGIN
	INSERT INTO `patient_search_keys` (`patient_id`) VALUES (new.`id`);
	INSERT INTO `patient_name_fts` (`rowid`, `name`)
		SELECT `search_rowid`, new.`given_name` || ' ' || new.`family_name`
		FROM `patient_search_keys`
		WHERE `patient_id` = new.`id` AND new.`merged_into_id` IS NULL AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_update` AFTER UPDATE OF `given_name`, `family_name`, `merged_into_id`, `deleted_at` ON `patients`
WHEN (SELECT `mode` FROM `sync_state` WHERE `id` = 1) NOT IN (2, 3)
BEGIN
	DELETE FROM `patient_name_fts` WHERE `rowid` = (SELECT `search_rowid` FROM `patient_search_keys` WHERE `patient_id` = old.`id`);
	INSERT INTO `patient_name_fts` (`rowid`, `name`)
		SELECT `search_rowid`, new.`given_name` || ' ' || new.`family_name`
		FROM `patient_search_keys`
		WHERE `patient_id` = new.`id` AND new.`merged_into_id` IS NULL AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_insert_applying` AFTER INSERT ON `patients`
WHEN (SELECT `mode` FROM `sync_state` WHERE `id` = 1) = 2
BEGIN
	INSERT OR IGNORE INTO `patient_search_pending` (`patient_id`, `renamed`) VALUES (new.`id`, 0);
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_update_applying` AFTER UPDATE OF `given_name`, `family_name`, `merged_into_id`, `deleted_at` ON `patients`
WHEN (SELECT `mode` FROM `sync_state` WHERE `id` = 1) = 2
BEGIN
	INSERT OR IGNORE INTO `patient_search_pending` (`patient_id`, `renamed`) VALUES (new.`id`, 1);
END;
