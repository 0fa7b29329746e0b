CREATE TABLE `sale_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`sale_id` text NOT NULL,
	`position` integer NOT NULL,
	`product_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_rate_bp` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`return_of_line_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `medicine_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `stock_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sale_lines_quantity_check" CHECK("sale_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `sale_lines_sale_idx` ON `sale_lines` (`sale_id`,`position`);--> statement-breakpoint
CREATE INDEX `sale_lines_return_of_idx` ON `sale_lines` (`return_of_line_id`);--> statement-breakpoint
CREATE TABLE `sale_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`sale_id` text NOT NULL,
	`method` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sale_payments_method_check" CHECK("sale_payments"."method" in ('cash', 'card', 'mobile_money')),
	CONSTRAINT "sale_payments_amount_check" CHECK("sale_payments"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE INDEX `sale_payments_sale_idx` ON `sale_payments` (`sale_id`);--> statement-breakpoint
CREATE TABLE `sales` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`kind` text NOT NULL,
	`receipt_number` text NOT NULL,
	`provisional_receipt_number` text,
	`return_of_sale_id` text,
	`gross_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`change_minor` integer DEFAULT 0 NOT NULL,
	`cash_rounding_minor` integer DEFAULT 0 NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`seller_user_id` text NOT NULL,
	`device_name` text DEFAULT '' NOT NULL,
	`sold_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seller_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sales_kind_check" CHECK("sales"."kind" in ('SALE', 'RETURN')),
	CONSTRAINT "sales_total_check" CHECK("sales"."total_minor" >= 0 and "sales"."gross_minor" >= 0 and "sales"."discount_minor" >= 0 and "sales"."tax_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_receipt_number_unique` ON `sales` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `sales_clinic_idx` ON `sales` (`clinic_id`,`sold_at`);--> statement-breakpoint
CREATE INDEX `sales_return_of_idx` ON `sales` (`return_of_sale_id`);--> statement-breakpoint
CREATE INDEX `sales_provisional_receipt_idx` ON `sales` (`provisional_receipt_number`);