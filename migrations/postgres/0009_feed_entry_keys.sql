-- A random key per feed entry, written with it: a hub process that wrote an entry keeps its bytes
-- for a while and sends them from memory when a pull's page holds the entry with the same key
-- (see hub/sync/recent-feed.ts). Entries written before have none and are read as before.
alter table hub_feed add column entry_key text;
