-- Patient search: a full-text index of names, kept by triggers so every write (a screen's or the
-- sync engine's) updates it in the same transaction. It is derived data and never replicates.
-- The index needs a stable integer per patient: VACUUM may renumber the implicit rowids of a
-- table whose key is text, so the keys live in their own table.
CREATE TABLE `patient_search_keys` (
	`search_rowid` integer PRIMARY KEY,
	`patient_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `patient_name_fts` USING fts5(
	`name`,
	content='',
	contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2',
	prefix='1 2 3'
);
--> statement-breakpoint
-- The terms of the index with their counts: the dictionary for one-typo tolerance.
CREATE VIRTUAL TABLE `patient_name_terms` USING fts5vocab(`patient_name_fts`, 'row');
--> statement-breakpoint
CREATE TRIGGER `patients_search_insert` AFTER INSERT ON `patients`
BEGIN
	INSERT INTO `patient_search_keys` (`patient_id`) VALUES (new.`id`);
	INSERT INTO `patient_name_fts` (`rowid`, `name`)
		SELECT `search_rowid`, new.`given_name` || ' ' || new.`family_name`
		FROM `patient_search_keys`
		WHERE `patient_id` = new.`id` AND new.`merged_into_id` IS NULL AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_update` AFTER UPDATE OF `given_name`, `family_name`, `merged_into_id`, `deleted_at` ON `patients`
BEGIN
	DELETE FROM `patient_name_fts` WHERE `rowid` = (SELECT `search_rowid` FROM `patient_search_keys` WHERE `patient_id` = old.`id`);
	INSERT INTO `patient_name_fts` (`rowid`, `name`)
		SELECT `search_rowid`, new.`given_name` || ' ' || new.`family_name`
		FROM `patient_search_keys`
		WHERE `patient_id` = new.`id` AND new.`merged_into_id` IS NULL AND new.`deleted_at` IS NULL;
END;
