-- The hub's own tables. The mirrors of the workstations' tables follow in 0001.

create table hub_meta (
	id integer primary key check (id = 1),
	hub_id uuid not null,
	-- Raised by an operator after restoring the database from a backup (npm run hub -- restored).
	epoch integer not null default 1,
	created_at timestamptz not null default now()
);

create table hub_devices (
	id uuid primary key,
	name text not null,
	database_id text not null,
	credential_hash text not null unique,
	enrolled_at timestamptz not null default now(),
	revoked_at timestamptz,
	-- The last transaction of this device the hub holds, applied or rejected.
	last_seq bigint not null default 0,
	-- Set when the device sent an old sequence number with new content: a copied or restored database.
	reenrol_required boolean not null default false
);

create table hub_device_clinics (
	device_id uuid not null references hub_devices (id),
	clinic_id text not null,
	workstation_number integer not null,
	primary key (device_id, clinic_id),
	unique (clinic_id, workstation_number)
);

create table hub_enrolment_codes (
	code_hash text primary key,
	-- Null for the code that creates a clinic at the hub; its code is then clinic_code.
	clinic_id text,
	clinic_code text not null,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz,
	used_by uuid
);

-- Every transaction a device sent, by sequence number, with a hash of its content: a resend is
-- recognised and changes nothing; a different transaction under an old number is refused.
create table hub_device_txs (
	device_id uuid not null,
	seq bigint not null,
	hash text not null,
	applied_at timestamptz not null default now(),
	primary key (device_id, seq)
);

create table hub_rejections (
	id bigserial primary key,
	device_id uuid not null,
	seq bigint not null,
	tx jsonb not null,
	code text not null,
	message text not null,
	rejected_at timestamptz not null default now()
);

-- The change feed, one row per change per clinic that sees it. Readers order by the writing
-- transaction's id and stop before any transaction still in progress, so a change that commits
-- late is never skipped (a plain sequence would let the cursor pass it).
create table hub_changes (
	id bigserial,
	txid xid8 not null default pg_current_xact_id(),
	clinic_id text not null,
	tbl text not null,
	row_id text not null,
	kind text not null,
	columns jsonb not null,
	hlc text not null,
	-- Set when a row is sent whole to a clinic that just started seeing it: its per-column clocks.
	clock jsonb,
	origin uuid not null
);
create index hub_changes_feed_idx on hub_changes (clinic_id, txid, id);

-- Which clinics see each mirrored row: what a first sync reads, page by page.
create table hub_row_clinics (
	clinic_id text not null,
	tbl text not null,
	row_id text not null,
	primary key (clinic_id, tbl, row_id)
);

create table hub_number_leases (
	clinic_id text not null,
	series text not null,
	range_start bigint not null,
	range_end bigint not null,
	device_id uuid not null,
	leased_at timestamptz not null default now(),
	primary key (clinic_id, series, range_start)
);
