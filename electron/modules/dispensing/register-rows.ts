import type { ClinicId } from '#shared/domain/ids.ts';
import type { RegisterEntry } from '#shared/modules/dispensing/register-views.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';

// The register as the Controlled register tab shows it and exports it.

export const REGISTER_PAGE = 2_000;

export type RegisterFilter = { readonly productId: string | null; readonly fromIso: string | null; readonly toIso: string | null };

export function registerEntries(db: Db, clinicId: ClinicId, filter: RegisterFilter): { entries: RegisterEntry[]; truncated: boolean } {
  const rows = db.all<RegisterEntry>(sql`
    select r.id, r.kind, r.occurred_at as occurredAt, r.product_id as productId,
      p.generic_name || case when p.strength_text <> '' then ' ' || p.strength_text else '' end || case when p.dose_form <> '' then ' ' || p.dose_form else '' end as productLabel,
      coalesce(b.lot, '') as lot, r.quantity,
      coalesce(pt.given_name || ' ' || pt.family_name || ' (' || pt.mrn || ')', '') as recipient,
      coalesce(rx.reference, '') as prescriptionReference,
      coalesce(s.receipt_number, '') as documentReference,
      coalesce(u.full_name, '') as userName, r.device_name as deviceName
    from controlled_register r
      join medicine_products p on p.id = r.product_id
      left join stock_batches b on b.id = r.batch_id
      left join patients pt on pt.id = r.patient_id
      left join prescriptions rx on rx.id = r.prescription_id
      left join sales s on s.id = r.document_id
      left join users u on u.id = r.user_id
    where r.clinic_id = ${clinicId} and r.deleted_at is null
      and (${filter.productId} is null or r.product_id = ${filter.productId})
      and (${filter.fromIso} is null or r.occurred_at >= ${filter.fromIso})
      and (${filter.toIso} is null or r.occurred_at < ${filter.toIso})
    order by r.occurred_at desc, r.id desc
    limit ${REGISTER_PAGE + 1}`);
  return { entries: rows.slice(0, REGISTER_PAGE), truncated: rows.length > REGISTER_PAGE };
}

/** The controlled products this clinic has a register entry of, for the filter. */
export function registerProducts(db: Db, clinicId: ClinicId): { id: string; label: string }[] {
  return db.all<{ id: string; label: string }>(sql`
    select p.id, p.generic_name || case when p.strength_text <> '' then ' ' || p.strength_text else '' end as label
    from medicine_products p where p.id in (select product_id from controlled_register where clinic_id = ${clinicId} and deleted_at is null)
    order by label collate nocase`);
}
