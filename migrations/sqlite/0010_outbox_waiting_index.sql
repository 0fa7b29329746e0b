DROP INDEX `sync_outbox_acked_idx`;--> statement-breakpoint
CREATE INDEX `sync_outbox_waiting_idx` ON `sync_outbox` (`pushed_seq`) WHERE "sync_outbox"."acked_at" is null;--> statement-breakpoint
CREATE INDEX `sync_outbox_acked_idx` ON `sync_outbox` (`acked_at`) WHERE "sync_outbox"."acked_at" is not null;