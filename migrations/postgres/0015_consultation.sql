-- The consultation module's tables (workstation migration 0023): encounters, vitals, note drafts,
-- signed notes and their diagnoses, billable items and note templates, mirrored as the hub holds every synced table.
create table encounters (
	id text primary key,
	clinic_id text,
	reference text,
	patient_id text,
	doctor_user_id text,
	device_id text,
	origin text,
	queue_entry_id text,
	appointment_id text,
	status text,
	started_at text,
	signed_at text,
	completed_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table encounter_vitals (
	id text primary key,
	patient_id text,
	clinic_id text,
	encounter_id text,
	kind text,
	value_hundredths bigint,
	unit text,
	loinc text,
	measured_at text,
	recorded_by_user_id text,
	created_at text,
	sync_clock jsonb not null default '{}'
);

create table encounter_note_drafts (
	id text primary key,
	encounter_id text,
	patient_id text,
	device_id text,
	author_user_id text,
	version bigint,
	subjective text,
	objective text,
	assessment text,
	plan text,
	diagnoses_json text,
	based_on_draft_id text,
	based_on_version bigint,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table encounter_notes (
	id text primary key,
	encounter_id text,
	patient_id text,
	kind text,
	amends_note_id text,
	reason text,
	subjective text,
	objective text,
	assessment text,
	plan text,
	author_user_id text,
	device_id text,
	signed_at text,
	created_at text,
	sync_clock jsonb not null default '{}'
);

create table encounter_diagnoses (
	id text primary key,
	encounter_id text,
	note_id text,
	patient_id text,
	code text,
	title text,
	rank text,
	certainty text,
	chronic bigint,
	created_at text,
	sync_clock jsonb not null default '{}'
);

create table encounter_billable_items (
	id text primary key,
	clinic_id text,
	encounter_id text,
	patient_id text,
	catalogue_code text,
	description text,
	quantity bigint,
	unit_price_minor bigint,
	created_at text,
	sync_clock jsonb not null default '{}'
);

create table note_templates (
	id text primary key,
	clinic_id text,
	owner_user_id text,
	name text,
	subjective text,
	objective text,
	assessment text,
	plan text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);
