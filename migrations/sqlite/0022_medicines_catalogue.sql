CREATE TABLE `medicine_barcodes` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`product_id` text NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`lookup_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `medicine_products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "medicine_barcodes_kind_check" CHECK("medicine_barcodes"."kind" in ('GTIN', 'CLINIC'))
);
--> statement-breakpoint
CREATE INDEX `medicine_barcodes_lookup_idx` ON `medicine_barcodes` (`organization_id`,`lookup_code`);--> statement-breakpoint
CREATE INDEX `medicine_barcodes_product_idx` ON `medicine_barcodes` (`product_id`);--> statement-breakpoint
CREATE TABLE `medicine_clinic_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`product_id` text NOT NULL,
	`sale_price_minor` integer,
	`tax_rate_bp` integer DEFAULT 0 NOT NULL,
	`reorder_level` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `medicine_products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "medicine_clinic_settings_tax_check" CHECK("medicine_clinic_settings"."tax_rate_bp" between 0 and 10000),
	CONSTRAINT "medicine_clinic_settings_price_check" CHECK("medicine_clinic_settings"."sale_price_minor" is null or "medicine_clinic_settings"."sale_price_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `medicine_clinic_settings_product_idx` ON `medicine_clinic_settings` (`product_id`,`clinic_id`);--> statement-breakpoint
CREATE TABLE `medicine_interactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_kind` text NOT NULL,
	`first_name` text NOT NULL,
	`second_kind` text NOT NULL,
	`second_name` text NOT NULL,
	`severity` text NOT NULL,
	`effect` text NOT NULL,
	`advice` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	CONSTRAINT "medicine_interactions_kinds_check" CHECK("medicine_interactions"."first_kind" in ('INGREDIENT', 'CLASS') and "medicine_interactions"."second_kind" in ('INGREDIENT', 'CLASS')),
	CONSTRAINT "medicine_interactions_severity_check" CHECK("medicine_interactions"."severity" in ('MINOR', 'MODERATE', 'SEVERE', 'CONTRAINDICATED'))
);
--> statement-breakpoint
CREATE TABLE `medicine_products` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`kind` text NOT NULL,
	`generic_name` text NOT NULL,
	`brand_name` text DEFAULT '' NOT NULL,
	`strength_text` text DEFAULT '' NOT NULL,
	`strength_milli` integer,
	`strength_unit` text,
	`dose_form` text DEFAULT '' NOT NULL,
	`route` text,
	`ingredients` text DEFAULT '[]' NOT NULL,
	`atc_code` text DEFAULT '' NOT NULL,
	`therapeutic_class` text DEFAULT '' NOT NULL,
	`pack_sizes` text DEFAULT '[]' NOT NULL,
	`prescription_only` integer DEFAULT false NOT NULL,
	`controlled` integer DEFAULT false NOT NULL,
	`high_alert` integer DEFAULT false NOT NULL,
	`max_daily_dose_milli` integer,
	`max_daily_dose_unit` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "medicine_products_kind_check" CHECK("medicine_products"."kind" in ('MEDICINE', 'CONSUMABLE', 'DEVICE', 'COSMETIC', 'OTHER')),
	CONSTRAINT "medicine_products_route_check" CHECK("medicine_products"."route" is null or "medicine_products"."route" in ('ORAL', 'SUBLINGUAL', 'TOPICAL', 'INHALED', 'NASAL', 'OPHTHALMIC', 'OTIC', 'RECTAL', 'VAGINAL', 'TRANSDERMAL', 'SUBCUTANEOUS', 'INTRAMUSCULAR', 'INTRAVENOUS', 'OTHER'))
);
--> statement-breakpoint
CREATE INDEX `medicine_products_generic_idx` ON `medicine_products` (`organization_id`,"generic_name" collate nocase);--> statement-breakpoint
CREATE INDEX `medicine_products_brand_idx` ON `medicine_products` (`organization_id`,"brand_name" collate nocase);--> statement-breakpoint
-- Product search: a trigram index of generic and brand names finds any part of a name in a
-- catalogue of hundreds of thousands, kept by triggers so a screen's write and the sync engine's
-- alike update it in the same transaction. Derived data: it never replicates. The index needs a
-- stable integer per product (VACUUM may renumber implicit rowids), so the keys have their own table.
CREATE TABLE `medicine_search_keys` (
	`search_rowid` integer PRIMARY KEY,
	`product_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `medicine_name_fts` USING fts5(
	`name`,
	content='',
	contentless_delete=1,
	tokenize='trigram remove_diacritics 1'
);
--> statement-breakpoint
CREATE TRIGGER `medicine_products_search_insert` AFTER INSERT ON `medicine_products`
BEGIN
	INSERT OR IGNORE INTO `medicine_search_keys` (`product_id`) VALUES (new.`id`);
	INSERT INTO `medicine_name_fts` (`rowid`, `name`)
		SELECT `search_rowid`, new.`generic_name` || ' ' || new.`brand_name`
		FROM `medicine_search_keys`
		WHERE `product_id` = new.`id` AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `medicine_products_search_update` AFTER UPDATE OF `generic_name`, `brand_name`, `deleted_at` ON `medicine_products`
BEGIN
	DELETE FROM `medicine_name_fts` WHERE `rowid` = (SELECT `search_rowid` FROM `medicine_search_keys` WHERE `product_id` = old.`id`);
	INSERT INTO `medicine_name_fts` (`rowid`, `name`)
		SELECT `search_rowid`, new.`generic_name` || ' ' || new.`brand_name`
		FROM `medicine_search_keys`
		WHERE `product_id` = new.`id` AND new.`deleted_at` IS NULL;
END;
