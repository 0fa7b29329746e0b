import type { ClinicId } from '#shared/domain/ids.ts';
import type { SaleView } from '#shared/modules/sales/sale-views.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';

// Reading a sale back as its receipt shows it.

type SaleSqlRow = Omit<SaleView, 'lines' | 'payments'>;
type LineSqlRow = SaleView['lines'][number];

const SALE_COLUMNS = sql.raw(`s.id, s.kind, s.receipt_number as receiptNumber, s.return_of_sale_id as returnOfSaleId, s.gross_minor as grossMinor,
    s.discount_minor as discountMinor, s.tax_minor as taxMinor, s.total_minor as totalMinor, s.change_minor as changeMinor,
    s.cash_rounding_minor as cashRoundingMinor, s.reason, coalesce(u.full_name, '') as sellerName, s.device_name as deviceName, s.sold_at as soldAt
  from sales s left join users u on u.id = s.seller_user_id`);

const LINE_COLUMNS = sql.raw(`l.id, l.product_id as productId,
    p.generic_name || case when p.strength_text <> '' then ' ' || p.strength_text else '' end as productLabel,
    l.batch_id as batchId, b.lot, l.quantity, l.unit_price_minor as unitPriceMinor, l.discount_minor as discountMinor,
    l.tax_rate_bp as taxRateBasisPoints, l.tax_minor as taxMinor, l.total_minor as totalMinor, l.return_of_line_id as returnOfLineId,
    coalesce((select sum(r.quantity) from sale_lines r where r.return_of_line_id = l.id and r.deleted_at is null), 0) as returnedQuantity
  from sale_lines l join medicine_products p on p.id = l.product_id join stock_batches b on b.id = l.batch_id`);

function saleWhere(db: Db, clinicId: ClinicId, where: SQL): SaleView | undefined {
  const row = db.all<SaleSqlRow>(sql`select ${SALE_COLUMNS} where s.clinic_id = ${clinicId} and s.deleted_at is null and ${where}`)[0];
  if (row === undefined) return undefined;
  const lines = db.all<LineSqlRow>(sql`select ${LINE_COLUMNS} where l.sale_id = ${row.id} and l.deleted_at is null order by l.position`);
  const payments = db.all<SaleView['payments'][number]>(sql`select method, amount_minor as amountMinor from sale_payments where sale_id = ${row.id} and deleted_at is null order by rowid`);
  return { ...row, lines, payments };
}

export function saleById(db: Db, clinicId: ClinicId, saleId: string): SaleView | undefined {
  return saleWhere(db, clinicId, sql`s.id = ${saleId}`);
}

/** A receipt number as printed, or the provisional one a sale had before it took its leased number. */
export function saleByReceiptNumber(db: Db, clinicId: ClinicId, receiptNumber: string): SaleView | undefined {
  const typed = receiptNumber.replace(/\s+/g, '').toUpperCase();
  return saleWhere(db, clinicId, sql`(s.receipt_number = ${typed} or s.provisional_receipt_number = ${typed})`);
}
