import { eq, sql } from 'drizzle-orm';
import { conflictError, notFoundError, validationError } from '#shared/api/errors.ts';
import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import { countAdjustments } from '#shared/modules/stock/count.ts';
import { isExpired } from '#shared/modules/stock/expiry.ts';
import type { BatchOnHand } from '#shared/modules/stock/stock-views.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import { clinicOf, type CallContext, type Handlers } from '../../api/context.ts';
import { stockGoodsReceipts } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { issueReference } from '../../references/issue-reference.ts';
import { organizationOfClinic } from '../clinics/index.ts';
import { organizationOf, requireProduct } from '../medicines/index.ts';
import { stockAlerts } from './alerts.ts';
import { batchesWhere, batchOnHand, onHandOf } from './batch-rows.ts';
import { putBatch, recordMovement } from './ledger.ts';
import { movementsOfBatch } from './movement-rows.ts';
import { receiptOf, receiptRowIn, recentReceipts } from './receipts.ts';
import { resolveScan } from './scan.ts';
import { pickFromStock } from './stock-picking.ts';
import { insertSupplier, supplierIn, suppliersOf, updateSupplier } from './suppliers.ts';

function requireBatch(ctx: CallContext, batchId: string): BatchOnHand {
  const { clinicId } = clinicOf(ctx);
  const batch = batchOnHand(ctx.db, clinicId, batchId);
  if (batch === undefined) throw notFoundError('That batch is not in stock at this clinic.');
  return batch;
}

function requireReceipt(ctx: CallContext, receiptId: string) {
  const { clinicId } = clinicOf(ctx);
  const row = receiptRowIn(ctx.db, clinicId, receiptId);
  if (row === undefined) throw notFoundError('No such goods receipt at this clinic.');
  return row;
}

function receiptView(ctx: CallContext, receiptId: string) {
  const receipt = receiptOf(ctx.db, clinicOf(ctx).clinicId, receiptId);
  if (receipt === undefined) throw notFoundError('No such goods receipt at this clinic.');
  return receipt;
}

/** Kinds that hand packs to someone: an expired batch leaves this way only with an override. */
const HANDED_OUT = new Set(['SALE', 'DISPENSE', 'TRANSFER_OUT']);

export const stockHandlers = {
  'stock.suppliers.list': (ctx) => ({ suppliers: suppliersOf(ctx.db, organizationOf(ctx.db, clinicOf(ctx).clinicId)) }),

  'stock.suppliers.save': (ctx, input) => {
    const organizationId = organizationOf(ctx.db, clinicOf(ctx).clinicId);
    const values = { name: input.name, contact: input.contact, phone: input.phone, email: input.email, active: input.active };
    const id = input.supplierId ?? newId();
    if (input.supplierId !== undefined && supplierIn(ctx.db, organizationId, input.supplierId) === undefined) throw notFoundError('No such supplier.');
    ctx.write((tx) => (input.supplierId === undefined ? insertSupplier(tx, id, organizationId, values, ctx.clock.now()) : updateSupplier(tx, id, values, ctx.clock.now())), { entityType: 'stock_supplier', entityId: id });
    const saved = supplierIn(ctx.db, organizationId, id);
    if (saved === undefined) throw new Error('supplier vanished');
    return saved;
  },

  'stock.batches.list': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const pattern = `%${input.query.replace(/[%_\\]/g, (character) => `\\${character}`)}%`;
    const byQuery = input.query === '' ? sql`1 = 1` : sql`(p.generic_name like ${pattern} escape '\\' or p.brand_name like ${pattern} escape '\\' or b.lot like ${pattern} escape '\\')`;
    const byProduct = input.productId === undefined ? sql`1 = 1` : sql`b.product_id = ${input.productId}`;
    const batches = batchesWhere(ctx.db, sql`b.clinic_id = ${clinicId} and ${byQuery} and ${byProduct}`, sql`order by p.generic_name collate nocase, b.expiry_date, b.lot`);
    return { batches: (input.includeEmpty ? batches : batches.filter((batch) => batch.onHand !== 0)).slice(0, input.limit) };
  },

  'stock.batches.history': (ctx, input) => {
    const batch = requireBatch(ctx, input.batchId);
    return { batch, movements: movementsOfBatch(ctx.db, batch.batchId) };
  },

  'stock.alerts': (ctx) => {
    const clinic = clinicContextOf(ctx);
    return stockAlerts(ctx.db, clinic.clinicId, clinic.today);
  },

  'stock.scan': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    return resolveScan(ctx.db, organizationOf(ctx.db, clinic.clinicId), clinic.clinicId, clinic.today, input.code);
  },

  'stock.pick': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    requireProduct(ctx.db, organizationOf(ctx.db, clinic.clinicId), input.productId);
    const result = pickFromStock(ctx.db, clinic.clinicId, input.productId, { quantity: input.quantity, today: clinic.today, chosenBatchId: input.chosenBatchId, expiredOverrideReason: input.expiredOverrideReason });
    if (!result.ok) throw conflictError(result.message, 'chosenBatchId');
    return { picks: [...result.picks], shortBy: result.shortBy };
  },

  'stock.move': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const batch = requireBatch(ctx, input.batchId);
    const override = (input.expiredOverrideReason ?? '').trim();
    if (HANDED_OUT.has(input.kind) && isExpired(batch.expiryDate, clinic.today) && override === '') {
      throw conflictError(`Batch ${batch.lot} expired on ${batch.expiryDate ?? ''}. It is only given out with an override and a reason.`, 'expiredOverrideReason');
    }
    if (input.otherClinicId !== null && (input.otherClinicId === clinic.clinicId || organizationOfClinic(ctx.db, input.otherClinicId) !== organizationOf(ctx.db, clinic.clinicId))) {
      throw validationError('otherClinicId', 'A transfer goes to another clinic of the chain.');
    }
    const reason = override === '' ? input.reason : [input.reason, `Expired, given with override: ${override}`].filter((part) => part !== '').join(' · ');
    const movementId = ctx.write(
      (tx) => recordMovement(tx, { clinicId: clinic.clinicId, batchId: batch.batchId, productId: batch.productId, kind: input.kind, packs: input.quantity, reason, otherClinicId: input.otherClinicId, userId: clinic.userId, deviceName: ctx.deviceName, nowMs: clinic.nowMs }),
      (id) => ({ entityType: 'stock_batch', entityId: batch.batchId, detail: { movementId: id, kind: input.kind, quantity: input.quantity, expiredOverride: override !== '' } }),
    );
    return { movementId, onHand: onHandOf(ctx.db, batch.batchId) };
  },

  'stock.receipts.list': (ctx) => ({ receipts: recentReceipts(ctx.db, clinicOf(ctx).clinicId) }),

  'stock.receipts.get': (ctx, input) => receiptView(ctx, input.receiptId),

  'stock.receipts.open': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    if (supplierIn(ctx.db, organizationOf(ctx.db, clinic.clinicId), input.supplierId) === undefined) throw notFoundError('Choose a supplier of this chain.');
    const id = newId();
    ctx.write(
      (tx) => {
        const { reference } = issueReference(tx, { clinicId: clinic.clinicId, clinicCode: clinic.code, series: referenceSeries.goodsReceipt, deviceId: ctx.deviceId, nowMs: clinic.nowMs });
        const now = isoAt(clinic.nowMs);
        tx.insert(stockGoodsReceipts)
          .values({ id, clinicId: clinic.clinicId, reference, supplierId: input.supplierId, supplierReference: input.supplierReference, status: 'OPEN', receivedByUserId: clinic.userId, createdAt: now, updatedAt: now })
          .run();
      },
      { entityType: 'stock_goods_receipt', entityId: id },
    );
    return receiptView(ctx, id);
  },

  'stock.receipts.receiveLine': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const receipt = requireReceipt(ctx, input.receiptId);
    if (receipt.status !== 'OPEN') throw conflictError(`Goods receipt ${receipt.reference} is posted; open a new one for more lines.`);
    requireProduct(ctx.db, organizationOf(ctx.db, clinic.clinicId), input.productId);
    ctx.write(
      (tx) => {
        const batchId = putBatch(tx, { clinicId: clinic.clinicId, productId: input.productId, lot: input.lot, expiryDate: input.expiryDate, costPriceMinor: input.costPriceMinor, supplierId: receipt.supplierId, nowMs: clinic.nowMs });
        return recordMovement(tx, { clinicId: clinic.clinicId, batchId, productId: input.productId, kind: 'RECEIPT', packs: input.quantity, documentId: receipt.id, userId: clinic.userId, deviceName: ctx.deviceName, nowMs: clinic.nowMs });
      },
      (movementId) => ({ entityType: 'stock_goods_receipt', entityId: receipt.id, detail: { movementId, quantity: input.quantity } }),
    );
    return receiptView(ctx, receipt.id);
  },

  'stock.receipts.post': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const receipt = requireReceipt(ctx, input.receiptId);
    if (receipt.status === 'POSTED') return receiptView(ctx, receipt.id);
    ctx.write((tx) => tx.update(stockGoodsReceipts).set({ status: 'POSTED', postedAt: isoAt(clinic.nowMs), updatedAt: isoAt(clinic.nowMs) }).where(eq(stockGoodsReceipts.id, receipt.id)).run(), { entityType: 'stock_goods_receipt', entityId: receipt.id });
    return receiptView(ctx, receipt.id);
  },

  'stock.count.sheet': (ctx) => {
    const { clinicId } = clinicOf(ctx);
    return { lines: batchesWhere(ctx.db, sql`b.clinic_id = ${clinicId}`, sql`order by p.generic_name collate nocase, b.expiry_date, b.lot`).filter((batch) => batch.onHand !== 0) };
  },

  'stock.count.post': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const batches = input.lines.map((line) => requireBatch(ctx, line.batchId));
    const byId = new Map(batches.map((batch) => [batch.batchId, batch]));
    // Differences against the ledger now, not the sheet: a sale made while the shelf was counted
    // moved the ledger and the shelf alike, and the sheet's expected figure is only shown.
    const adjustments = countAdjustments(input.lines.map((line) => ({ batchId: line.batchId, expected: byId.get(line.batchId)?.onHand ?? 0, counted: line.counted })));
    const countId = newId();
    ctx.write(
      (tx) => {
        for (const adjustment of adjustments) {
          const batch = byId.get(adjustment.batchId);
          if (batch === undefined) continue;
          recordMovement(tx, { clinicId: clinic.clinicId, batchId: batch.batchId, productId: batch.productId, kind: 'COUNT_ADJUSTMENT', packs: adjustment.quantity, reason: input.reason, documentId: countId, userId: clinic.userId, deviceName: ctx.deviceName, nowMs: clinic.nowMs });
        }
      },
      { entityType: 'stock_count', entityId: countId, detail: { batches: input.lines.length, adjusted: adjustments.length } },
    );
    return { countId, adjusted: adjustments.length };
  },
} satisfies Partial<Handlers>;
