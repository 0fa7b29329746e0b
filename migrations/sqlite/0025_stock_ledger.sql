CREATE TABLE `stock_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`product_id` text NOT NULL,
	`lot` text NOT NULL,
	`expiry_date` text,
	`cost_price_minor` integer DEFAULT 0 NOT NULL,
	`supplier_id` text,
	`received_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `medicine_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `stock_suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_batches_cost_check" CHECK("stock_batches"."cost_price_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `stock_batches_product_idx` ON `stock_batches` (`clinic_id`,`product_id`,`expiry_date`);--> statement-breakpoint
CREATE INDEX `stock_batches_expiry_idx` ON `stock_batches` (`clinic_id`,`expiry_date`);--> statement-breakpoint
CREATE TABLE `stock_goods_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`reference` text NOT NULL,
	`supplier_id` text NOT NULL,
	`supplier_reference` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`received_by_user_id` text NOT NULL,
	`posted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `stock_suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_goods_receipts_status_check" CHECK("stock_goods_receipts"."status" in ('OPEN', 'POSTED'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_goods_receipts_reference_unique` ON `stock_goods_receipts` (`reference`);--> statement-breakpoint
CREATE INDEX `stock_goods_receipts_clinic_idx` ON `stock_goods_receipts` (`clinic_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`product_id` text NOT NULL,
	`kind` text NOT NULL,
	`quantity` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`document_id` text,
	`other_clinic_id` text,
	`user_id` text NOT NULL,
	`device_name` text DEFAULT '' NOT NULL,
	`occurred_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `stock_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `medicine_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_movements_kind_check" CHECK("stock_movements"."kind" in ('RECEIPT', 'SALE', 'DISPENSE', 'CUSTOMER_RETURN', 'SUPPLIER_RETURN', 'COUNT_ADJUSTMENT', 'TRANSFER_OUT', 'TRANSFER_IN', 'WRITE_OFF')),
	CONSTRAINT "stock_movements_quantity_check" CHECK("stock_movements"."quantity" <> 0)
);
--> statement-breakpoint
CREATE INDEX `stock_movements_batch_idx` ON `stock_movements` (`batch_id`,`deleted_at`,`quantity`);--> statement-breakpoint
CREATE INDEX `stock_movements_product_idx` ON `stock_movements` (`clinic_id`,`product_id`,`deleted_at`,`quantity`);--> statement-breakpoint
CREATE INDEX `stock_movements_document_idx` ON `stock_movements` (`document_id`);--> statement-breakpoint
CREATE TABLE `stock_suppliers` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sync_clock` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
