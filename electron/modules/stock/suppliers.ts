import type { OrganizationId } from '#shared/domain/ids.ts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Supplier } from '#shared/modules/stock/stock-views.ts';
import type { Db } from '../../db/database.ts';
import { stockSuppliers } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import type { StockSupplierRow } from './tables.ts';

export type SupplierValues = { readonly name: string; readonly contact: string; readonly phone: string; readonly email: string; readonly active: boolean };

function supplierOf(row: StockSupplierRow): Supplier {
  return { id: row.id, name: row.name, contact: row.contact, phone: row.phone, email: row.email, active: row.active };
}

export function suppliersOf(db: Db, organizationId: OrganizationId): Supplier[] {
  return db.select().from(stockSuppliers).where(and(eq(stockSuppliers.organizationId, organizationId), isNull(stockSuppliers.deletedAt))).orderBy(asc(stockSuppliers.name)).all().map(supplierOf);
}

export function supplierIn(db: Db, organizationId: OrganizationId, supplierId: string): Supplier | undefined {
  const row = db.select().from(stockSuppliers).where(and(eq(stockSuppliers.id, supplierId), eq(stockSuppliers.organizationId, organizationId), isNull(stockSuppliers.deletedAt))).get();
  return row === undefined ? undefined : supplierOf(row);
}

export function insertSupplier(tx: Db, id: string, organizationId: OrganizationId, values: SupplierValues, nowMs: number): void {
  const now = isoAt(nowMs);
  tx.insert(stockSuppliers).values({ id, organizationId, ...values, createdAt: now, updatedAt: now }).run();
}

export function updateSupplier(tx: Db, id: string, values: SupplierValues, nowMs: number): void {
  tx.update(stockSuppliers).set({ ...values, updatedAt: isoAt(nowMs) }).where(eq(stockSuppliers.id, id)).run();
}
