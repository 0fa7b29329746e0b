-- The prescriptions module's tables (workstation migration 0025): prescriptions, their draft lines and
-- their signed lines, mirrored as the hub holds every synced table.
create table prescriptions (
	id text primary key,
	clinic_id text,
	encounter_id text,
	patient_id text,
	doctor_user_id text,
	reference text,
	status text,
	signed_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table prescription_draft_lines (
	id text primary key,
	prescription_id text,
	patient_id text,
	position bigint,
	product_id text,
	product_label text,
	dose_milli bigint,
	dose_unit text,
	route text,
	frequency text,
	duration_days bigint,
	quantity bigint,
	refills bigint,
	instructions text,
	overrides_json text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table prescription_lines (
	id text primary key,
	prescription_id text,
	patient_id text,
	position bigint,
	product_id text,
	product_label text,
	dose_milli bigint,
	dose_unit text,
	route text,
	frequency text,
	duration_days bigint,
	quantity bigint,
	refills bigint,
	instructions text,
	overrides_json text,
	signed_by_user_id text,
	signed_at text,
	created_at text,
	sync_clock jsonb not null default '{}'
);
