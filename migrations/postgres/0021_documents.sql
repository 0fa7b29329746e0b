-- The documents module (workstation migration 0028): the metadata of patients' documents, mirrored
-- as the hub holds every synced table, and the files themselves.
create table patient_documents (
	id text primary key,
	clinic_id text,
	patient_id text,
	encounter_id text,
	type text,
	document_date text,
	title text,
	file_name text,
	mime_type text,
	size_bytes bigint,
	content_hash text,
	uploaded_by_user_id text,
	uploaded_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);
create index patient_documents_hash_idx on patient_documents (content_hash);

-- The files, by organization and SHA-256: in the database rather than a folder, so any hub process
-- behind a load balancer serves any of them, and the usual backups keep them. One organization's
-- copy of a file is never served to another, even one that knows its hash.
create table hub_blobs (
	organization_id text not null,
	content_hash text not null,
	size_bytes bigint not null,
	bytes bytea not null,
	stored_at timestamptz not null default now(),
	primary key (organization_id, content_hash)
);
