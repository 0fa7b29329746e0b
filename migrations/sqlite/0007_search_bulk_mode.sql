-- The name index stands aside while a first sync loads a clinic in bulk (sync_state.mode 3) and
-- is rebuilt in one pass afterwards, which is many times faster than row by row.
DROP TRIGGER `patients_search_insert`;
--> statement-breakpoint
DROP TRIGGER `patients_search_update`;
--> statement-breakpoint
CREATE TRIGGER `patients_search_insert` AFTER INSERT ON `patients`
WHEN (SELECT `mode` FROM `sync_state` WHERE `id` = 1) <> 3
BEGIN
	INSERT INTO `patient_search_keys` (`patient_id`) VALUES (new.`id`);
	INSERT INTO `patient_name_fts` (`rowid`, `name`)
		SELECT `search_rowid`, new.`given_name` || ' ' || new.`family_name`
		FROM `patient_search_keys`
		WHERE `patient_id` = new.`id` AND new.`merged_into_id` IS NULL AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_update` AFTER UPDATE OF `given_name`, `family_name`, `merged_into_id`, `deleted_at` ON `patients`
WHEN (SELECT `mode` FROM `sync_state` WHERE `id` = 1) <> 3
BEGIN
	DELETE FROM `patient_name_fts` WHERE `rowid` = (SELECT `search_rowid` FROM `patient_search_keys` WHERE `patient_id` = old.`id`);
	INSERT INTO `patient_name_fts` (`rowid`, `name`)
		SELECT `search_rowid`, new.`given_name` || ' ' || new.`family_name`
		FROM `patient_search_keys`
		WHERE `patient_id` = new.`id` AND new.`merged_into_id` IS NULL AND new.`deleted_at` IS NULL;
END;
