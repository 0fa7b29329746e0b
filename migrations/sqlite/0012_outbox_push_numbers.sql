CREATE TABLE `sync_outbox_txns` (
	`txn` integer PRIMARY KEY NOT NULL,
	`pushed_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_outbox_txns_pushed_seq_unique` ON `sync_outbox_txns` (`pushed_seq`);--> statement-breakpoint
-- Every change of a transaction carried its transaction's number.
INSERT INTO `sync_outbox_txns` (`txn`, `pushed_seq`)
	SELECT `txn`, min(`pushed_seq`) FROM `sync_outbox` WHERE `pushed_seq` IS NOT NULL GROUP BY `txn`;--> statement-breakpoint
DROP INDEX `sync_outbox_pushed_idx`;--> statement-breakpoint
ALTER TABLE `sync_outbox` DROP COLUMN `pushed_seq`;