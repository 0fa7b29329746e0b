-- The chain's medicine catalogue (workstation migration 0022): products and their barcodes, seen by
-- every clinic of the organization, and each clinic's price, tax and reorder level.
create table medicine_products (
	id text primary key,
	organization_id text,
	kind text,
	generic_name text,
	brand_name text,
	strength_text text,
	strength_milli bigint,
	strength_unit text,
	dose_form text,
	route text,
	ingredients text,
	atc_code text,
	therapeutic_class text,
	pack_sizes text,
	prescription_only bigint,
	controlled bigint,
	high_alert bigint,
	max_daily_dose_milli bigint,
	max_daily_dose_unit text,
	active bigint,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table medicine_barcodes (
	id text primary key,
	organization_id text,
	product_id text,
	kind text,
	code text,
	lookup_code text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table medicine_clinic_settings (
	id text primary key,
	clinic_id text,
	product_id text,
	sale_price_minor bigint,
	tax_rate_bp bigint,
	reorder_level bigint,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);
