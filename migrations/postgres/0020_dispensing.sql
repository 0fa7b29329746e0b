-- The dispensing module's tables (workstation migration 0028): dispenses of signed prescriptions and
-- their lines, and the controlled drugs register, mirrored as the hub holds every synced table.
create table dispenses (
	id text primary key,
	clinic_id text,
	prescription_id text,
	patient_id text,
	pharmacist_user_id text,
	device_name text,
	overrides_json text,
	dispensed_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table dispense_lines (
	id text primary key,
	dispense_id text,
	prescription_line_id text,
	patient_id text,
	product_id text,
	batch_id text,
	lot text,
	quantity bigint,
	unit_price_minor bigint,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table controlled_register (
	id text primary key,
	clinic_id text,
	kind text,
	product_id text,
	batch_id text,
	quantity bigint,
	patient_id text,
	prescription_id text,
	document_id text,
	user_id text,
	device_name text,
	occurred_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);
