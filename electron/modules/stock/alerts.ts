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
      sql`select s.product_id, p.generic_name, p.brand_name, p.strength_text, p.dose_form, s.reorder_level,
            coalesce((select sum(m.quantity) from stock_movements m where m.clinic_id = s.clinic_id and m.product_id = s.product_id and m.deleted_at is null), 0) as on_hand
          from medicine_clinic_settings s join medicine_products p on p.id = s.product_id
          where s.clinic_id = ${clinicId} and s.deleted_at is null and s.reorder_level > 0 and p.active = 1 and p.deleted_at is null`,
    )
    .filter((row) => row.on_hand <= row.reorder_level)
    .map((row): ReorderLine => ({ productId: row.product_id, productLabel: productLabel({ genericName: row.generic_name, brandName: row.brand_name, strengthText: row.strength_text, doseForm: row.dose_form }), onHand: row.on_hand, reorderLevel: row.reorder_level }))
    .sort((a, b) => a.productLabel.localeCompare(b.productLabel));
  const soon = batchesWhere(db, sql`b.clinic_id = ${clinicId} and b.expiry_date is not null and b.expiry_date <= ${addDays(today, 90)}`, sql`order by b.expiry_date, b.lot`).filter((batch) => batch.onHand > 0);
  const withDays = soon.map((batch) => ({ ...batch, daysLeft: daysBetween(today, batch.expiryDate ?? today) }));
  return { today, reorder, expiring: withDays.filter((batch) => batch.daysLeft >= 0), expired: withDays.filter((batch) => batch.daysLeft < 0) };
}
