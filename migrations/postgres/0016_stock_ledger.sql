-- The pharmacy's stock (workstation migration 0023): suppliers of the chain, each clinic's batches,
-- goods receipts and the ledger of stock movements.
create table stock_suppliers (
	id text primary key,
	organization_id text,
	name text,
	contact text,
	phone text,
	email text,
	active bigint,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table stock_batches (
	id text primary key,
	clinic_id text,
	product_id text,
	lot text,
	expiry_date text,
	cost_price_minor bigint,
	supplier_id text,
	received_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table stock_goods_receipts (
	id text primary key,
	clinic_id text,
	reference text,
	supplier_id text,
	supplier_reference text,
	status text,
	received_by_user_id text,
	posted_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table stock_movements (
	id text primary key,
	clinic_id text,
	batch_id text,
	product_id text,
	kind text,
	quantity bigint,
	reason text,
	document_id text,
	other_clinic_id text,
	user_id text,
	device_name text,
	occurred_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);
