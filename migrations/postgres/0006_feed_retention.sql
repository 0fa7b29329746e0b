-- When each entry was written, by the hub's clock, so that entries kept past FEED_RETENTION_MS
-- (hub/sync/feed-retention.ts) can be let go. Entries already there count from this upgrade.
alter table hub_feed add column written_at timestamptz not null default now();
create index hub_feed_written_idx on hub_feed (written_at);
