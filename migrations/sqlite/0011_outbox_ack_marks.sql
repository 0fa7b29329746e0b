CREATE TABLE `sync_outbox_acks` (
	`through_seq` integer PRIMARY KEY NOT NULL,
	`acked_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_outbox_acks_at_idx` ON `sync_outbox_acks` (`acked_at`);--> statement-breakpoint
-- The acknowledged changes were a prefix of the outbox by push number; each answer's mark is the
-- highest number it acknowledged, kept with its time for the purge.
INSERT OR IGNORE INTO `sync_outbox_acks` (`through_seq`, `acked_at`)
	SELECT max(`pushed_seq`), `acked_at` FROM `sync_outbox`
	WHERE `acked_at` IS NOT NULL AND `pushed_seq` IS NOT NULL GROUP BY `acked_at`;--> statement-breakpoint
DROP INDEX `sync_outbox_acked_idx`;--> statement-breakpoint
DROP INDEX `sync_outbox_waiting_idx`;--> statement-breakpoint
ALTER TABLE `sync_outbox` DROP COLUMN `acked_at`;