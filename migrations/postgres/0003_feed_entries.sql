-- The change feed in entries: one row per clinic per push, holding that push's changes for the
-- clinic in order, instead of one row per change. A push of thousands of changes writes one row
-- of JSON text per clinic, not thousands of indexed rows, and a pull reads a few rows. Readers
-- still order by the writing transaction's id (see hub_changes in 0000), and a cursor may stop
-- inside an entry.
create table hub_feed (
	id bigserial,
	txid xid8 not null default pg_current_xact_id(),
	clinic_id text not null,
	origin uuid not null,
	-- A JSON array of {table, id, kind, columns, hlc, clock}, in the order they were applied.
	changes json not null,
	change_count integer not null check (change_count > 0),
	-- Of the first change (its origin, row and stamp), so a cursor into an entry that a restore from
	-- an older backup replaced is noticed.
	fingerprint text not null
);
-- Entries run to megabytes of JSON that is written once and read whole: compressing them would
-- cost each push and each pull more than the disk it saves.
alter table hub_feed alter column changes set storage external;

-- The existing feed, one change per entry under its own position, so cursors already handed out
-- point at the same changes.
insert into hub_feed (id, txid, clinic_id, origin, changes, change_count, fingerprint)
select id, txid, clinic_id, origin,
	json_build_array(json_build_object('table', tbl, 'id', row_id, 'kind', kind, 'columns', columns, 'hlc', hlc, 'clock', clock)),
	1,
	substr(encode(sha256(convert_to(origin::text, 'UTF8') || '\x00'::bytea || convert_to(row_id, 'UTF8') || '\x00'::bytea || convert_to(hlc, 'UTF8')), 'hex'), 1, 12)
from hub_changes;
select setval(pg_get_serial_sequence('hub_feed', 'id'), coalesce((select max(id) from hub_changes), 0) + 1, false);
drop table hub_changes;
create index hub_feed_idx on hub_feed (clinic_id, txid, id);
