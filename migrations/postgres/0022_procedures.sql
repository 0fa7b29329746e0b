-- The procedures module's tables (workstation migration 0028): treatment plans, their steps and the
-- procedures performed in encounters, mirrored as the hub holds every synced table.
create table treatment_plans (
	id text primary key,
	clinic_id text,
	patient_id text,
	doctor_user_id text,
	title text,
	notes text,
	status text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table treatment_plan_steps (
	id text primary key,
	plan_id text,
	patient_id text,
	position bigint,
	procedure_code text,
	procedure_name text,
	site text,
	planned_date text,
	status text,
	estimated_cost_minor bigint,
	notes text,
	appointment_id text,
	done_encounter_id text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table encounter_procedures (
	id text primary key,
	clinic_id text,
	encounter_id text,
	patient_id text,
	procedure_code text,
	procedure_name text,
	site text,
	notes text,
	quantity bigint,
	unit_price_minor bigint,
	plan_step_id text,
	performed_by_user_id text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);
