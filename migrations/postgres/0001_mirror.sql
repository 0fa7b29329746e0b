-- Mirrors of the workstations' replicated tables: the same columns (integers and booleans as
-- bigint, as the workstations store them), all nullable but the key, and each row's per-column
-- clocks. No foreign keys: the workstations keep integrity; the hub keeps everything it is sent.

create table clinics (
	id text primary key,
	code text,
	name text,
	country text,
	state text,
	city text,
	address text,
	phone text,
	currency text,
	time_zone text,
	status text,
	idle_lock_minutes bigint,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table devices (
	id text primary key,
	name text,
	created_at text,
	sync_clock jsonb not null default '{}'
);

create table users (
	id text primary key,
	username text,
	full_name text,
	email text,
	phone text,
	password_hash text,
	active bigint,
	must_change_password bigint,
	password_changed_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table memberships (
	id text primary key,
	user_id text,
	clinic_id text,
	role text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table audit_log (
	id text primary key,
	at text,
	user_id text,
	attempted_username text,
	clinic_id text,
	device_id text,
	action text,
	entity_type text,
	entity_id text,
	outcome text,
	detail text,
	sync_clock jsonb not null default '{}'
);

create table patients (
	id text primary key,
	mrn text,
	registered_clinic_id text,
	given_name text,
	family_name text,
	sex text,
	birth_date text,
	birth_date_estimated bigint,
	phone text,
	phone_digits_reversed text,
	email text,
	address text,
	postal_code text,
	national_id text,
	emergency_contact_name text,
	emergency_contact_phone text,
	notes text,
	merged_into_id text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table patient_clinics (
	id text primary key,
	patient_id text,
	clinic_id text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table patient_allergies (
	id text primary key,
	patient_id text,
	substance text,
	reaction text,
	severity text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table patient_conditions (
	id text primary key,
	patient_id text,
	name text,
	notes text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table doctor_profiles (
	user_id text primary key,
	specialization text,
	registration_number text,
	visibility text,
	active bigint,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table weekly_schedules (
	id text primary key,
	doctor_user_id text,
	clinic_id text,
	weekday bigint,
	start_time text,
	end_time text,
	slot_minutes bigint,
	breaks text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table schedule_exceptions (
	id text primary key,
	clinic_id text,
	doctor_user_id text,
	date text,
	kind text,
	start_time text,
	end_time text,
	slot_minutes bigint,
	reason text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table appointments (
	id text primary key,
	clinic_id text,
	reference text,
	patient_id text,
	doctor_user_id text,
	start_at text,
	end_at text,
	type text,
	reason text,
	notes text,
	status text,
	cancel_reason text,
	booked_by_user_id text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table appointment_events (
	id text primary key,
	appointment_id text,
	at text,
	kind text,
	user_id text,
	from_start_at text,
	to_start_at text,
	note text,
	created_at text,
	sync_clock jsonb not null default '{}'
);

create table queue_entries (
	id text primary key,
	clinic_id text,
	service_date text,
	token text,
	token_series text,
	token_number bigint,
	patient_id text,
	appointment_id text,
	doctor_user_id text,
	priority text,
	status text,
	room text,
	arrived_at text,
	called_at text,
	started_at text,
	finished_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table sync_conflicts (
	id text primary key,
	clinic_id text,
	kind text,
	row_ids text,
	detected_at text,
	resolved_at text,
	resolved_by_user_id text,
	resolution text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);
