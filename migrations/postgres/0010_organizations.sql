-- Organizations: the boundary of trust (issue #31). Which organization a clinic belongs to is the
-- hub's own record, made when the clinic's first workstation enrols; a device's organization is
-- its clinic's. The mirrors gain the workstations' organizations table and the organization
-- columns of clinics and users.
create table hub_clinics (
	clinic_id text primary key,
	clinic_code text,
	organization_id text not null,
	created_at timestamptz not null default now()
);
create index hub_clinics_organization_idx on hub_clinics (organization_id);
create index hub_clinics_code_idx on hub_clinics (clinic_code);

-- The code for a clinic's first workstation names the organization it joins; null: a new one,
-- the organization the workstation's clinic names.
alter table hub_enrolment_codes add column organization_id text;

create table organizations (
	id text primary key,
	name text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);
alter table clinics add column organization_id text;
alter table users add column organization_id text;

-- What came before organizations, derived as the workstations' migration derives it: a clinic
-- is an organization of its own, with the clinic's id and name; a user belongs to the
-- organization of the first clinic (by code) they ever held a role in.
insert into hub_clinics (clinic_id, clinic_code, organization_id) select id, code, id from clinics on conflict do nothing;
insert into hub_clinics (clinic_id, organization_id) select distinct clinic_id, clinic_id from hub_device_clinics on conflict do nothing;
update clinics set organization_id = id where organization_id is null;
insert into organizations (id, name, created_at, updated_at) select id, name, created_at, updated_at from clinics on conflict do nothing;
insert into hub_row_clinics (clinic_id, tbl, row_id) select id, 'organizations', id from clinics on conflict do nothing;
update users u set organization_id = (select c.organization_id from memberships m join clinics c on c.id = m.clinic_id where m.user_id = u.id order by c.code limit 1) where organization_id is null;
