CREATE TABLE `stock_batch_totals` (
	`batch_id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`product_id` text NOT NULL,
	`on_hand` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stock_batch_totals_product_idx` ON `stock_batch_totals` (`clinic_id`,`product_id`,`on_hand`);--> statement-breakpoint
-- Every movement, written here or applied from the hub, moves its batch's total in the same
-- transaction; a tombstoned movement counts for nothing. Movements are never deleted (0025's
-- trigger refuses it), so no delete trigger is needed.
CREATE TRIGGER `stock_movements_total_insert` AFTER INSERT ON `stock_movements`
BEGIN
	INSERT INTO `stock_batch_totals` (`batch_id`, `clinic_id`, `product_id`, `on_hand`)
	VALUES (NEW.`batch_id`, NEW.`clinic_id`, NEW.`product_id`, CASE WHEN NEW.`deleted_at` IS NULL THEN NEW.`quantity` ELSE 0 END)
	ON CONFLICT (`batch_id`) DO UPDATE SET `on_hand` = `on_hand` + excluded.`on_hand`;
END;
--> statement-breakpoint
CREATE TRIGGER `stock_movements_total_update` AFTER UPDATE OF `batch_id`, `quantity`, `deleted_at` ON `stock_movements`
BEGIN
	UPDATE `stock_batch_totals` SET `on_hand` = `on_hand` - CASE WHEN OLD.`deleted_at` IS NULL THEN OLD.`quantity` ELSE 0 END WHERE `batch_id` = OLD.`batch_id`;
	INSERT INTO `stock_batch_totals` (`batch_id`, `clinic_id`, `product_id`, `on_hand`)
	VALUES (NEW.`batch_id`, NEW.`clinic_id`, NEW.`product_id`, CASE WHEN NEW.`deleted_at` IS NULL THEN NEW.`quantity` ELSE 0 END)
	ON CONFLICT (`batch_id`) DO UPDATE SET `on_hand` = `on_hand` + excluded.`on_hand`;
END;
--> statement-breakpoint
INSERT INTO `stock_batch_totals` (`batch_id`, `clinic_id`, `product_id`, `on_hand`)
SELECT `batch_id`, `clinic_id`, `product_id`, coalesce(sum(CASE WHEN `deleted_at` IS NULL THEN `quantity` ELSE 0 END), 0)
FROM `stock_movements` GROUP BY `batch_id`;
