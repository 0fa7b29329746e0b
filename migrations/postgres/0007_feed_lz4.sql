-- Feed entries were kept uncompressed (0003): pglz, PostgreSQL's default, costs a push more than
-- the disk it saves. lz4 does not: 50 entries of 1 MB of JSON are written in 140-200 ms with lz4
-- against 240-330 ms uncompressed (measured; less to write), and take a fifth of the space. That
-- time is spent while the clinic's push lock is held. A server built without lz4 (PGlite is)
-- keeps its entries uncompressed.
do $$ begin alter table hub_feed alter column changes set compression lz4; alter table hub_feed alter column changes set storage extended; exception when feature_not_supported then null; end $$;
