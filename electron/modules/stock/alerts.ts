import type { ClinicId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { productLabel } from '#shared/modules/medicines/index.ts';
import { addDays, daysBetween } from '#shared/modules/stock/expiry.ts';
import type { ReorderLine, StockAlerts } from '#shared/modules/stock/stock-views.ts';
import type { Db } from '../../db/database.ts';
import { batchesWhere } from './batch-rows.ts';

/**
 * The Pharmacy screen's alerts: products at or below their reorder level at this clinic, batches
 * on hand expiring within 90 days, and expired batches still on the shelf.
 */
export function stockAlerts(db: Db, clinicId: ClinicId, today: string): StockAlerts {
  const reorder = db
    .all<{ product_id: string; generic_name: string; brand_name: string; strength_text: string; dose_form: string; on_hand: number; reorder_level: number }>(
      sql`select * from (
            select s.product_id, p.generic_name, p.brand_name, p.strength_text, p.dose_form, s.reorder_level,
              coalesce((select sum(t.on_hand) from stock_batch_totals t where t.clinic_id = s.clinic_id and t.product_id = s.product_id), 0) as on_hand
            from medicine_clinic_settings s join medicine_products p on p.id = s.product_id
            where s.clinic_id = ${clinicId} and s.deleted_at is null and s.reorder_level > 0 and p.active = 1 and p.deleted_at is null)
          where on_hand <= reorder_level`,
    )
    .map((row): ReorderLine => ({ productId: row.product_id, productLabel: productLabel({ genericName: row.generic_name, brandName: row.brand_name, strengthText: row.strength_text, doseForm: row.dose_form }), onHand: row.on_hand, reorderLevel: row.reorder_level }))
    .sort((a, b) => a.productLabel.localeCompare(b.productLabel));
  const soon = batchesWhere(db, sql`b.clinic_id = ${clinicId} and b.expiry_date is not null and b.expiry_date <= ${addDays(today, 90)} and exists (select 1 from stock_batch_totals t where t.batch_id = b.id and t.on_hand > 0)`, sql`order by b.expiry_date, b.lot`);
  const withDays = soon.map((batch) => ({ ...batch, daysLeft: daysBetween(today, batch.expiryDate ?? today) }));
  return { today, reorder, expiring: withDays.filter((batch) => batch.daysLeft >= 0), expired: withDays.filter((batch) => batch.daysLeft < 0) };
}
