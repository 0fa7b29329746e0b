-- The pharmacy's point of sale (workstation migration 0026): sales and returns, their lines and payments.
create table sales (
	id text primary key,
	clinic_id text,
	kind text,
	receipt_number text,
	provisional_receipt_number text,
	return_of_sale_id text,
	gross_minor bigint,
	discount_minor bigint,
	tax_minor bigint,
	total_minor bigint,
	change_minor bigint,
	cash_rounding_minor bigint,
	reason text,
	seller_user_id text,
	device_name text,
	sold_at text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table sale_lines (
	id text primary key,
	clinic_id text,
	sale_id text,
	position bigint,
	product_id text,
	batch_id text,
	quantity bigint,
	unit_price_minor bigint,
	discount_minor bigint,
	tax_rate_bp bigint,
	tax_minor bigint,
	total_minor bigint,
	return_of_line_id text,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);

create table sale_payments (
	id text primary key,
	clinic_id text,
	sale_id text,
	method text,
	amount_minor bigint,
	created_at text,
	updated_at text,
	deleted_at text,
	sync_clock jsonb not null default '{}'
);
