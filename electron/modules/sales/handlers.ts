import { conflictError, forbiddenError, notFoundError, validationError } from '#shared/api/errors.ts';
import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import { settle } from '#shared/money/payments.ts';
import { scaleRounded } from '#shared/money/rounding.ts';
import { discountRateBasisPoints } from '#shared/money/sale-totals.ts';
import { productLabel } from '#shared/modules/medicines/index.ts';
import { discountLimitOf } from '#shared/modules/sales/discount-limits.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import { clinicOf, type CallContext, type Handlers } from '../../api/context.ts';
import { newId } from '../../platform/ids.ts';
import { issueReference } from '../../references/issue-reference.ts';
import { findClinic } from '../clinics/index.ts';
import { organizationOf, requireProduct } from '../medicines/index.ts';
import { resolveScan } from '../stock/index.ts';
import { CASH_INCREMENT_MINOR, clinicPriceOf } from './pricing.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { planSale } from './sale-plan.ts';
import { saleById, saleByReceiptNumber } from './sale-rows.ts';
import { writeSale, type SaleLineWrite } from './sale-writes.ts';

function requireSale(ctx: CallContext, saleId: string) {
  const sale = saleById(ctx.db, clinicOf(ctx).clinicId, saleId);
  if (sale === undefined) throw notFoundError('No such sale at this clinic.');
  return sale;
}

export const salesHandlers = {
  'sales.scan': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const scan = resolveScan(ctx.db, organizationOf(ctx.db, clinic.clinicId), clinic.clinicId, clinic.today, input.code);
    if (scan.product === null) return { scan, line: null };
    const price = clinicPriceOf(ctx.db, clinic.clinicId, scan.product.id);
    const batch = scan.batch;
    return {
      scan,
      line: { productId: scan.product.id, productLabel: scan.product.label, unitPriceMinor: price.salePriceMinor, taxRateBasisPoints: price.taxRateBasisPoints, batchId: batch?.batchId ?? null, lot: batch?.lot ?? null, expiryDate: batch?.expiryDate ?? null, onHand: batch?.onHand ?? 0 },
    };
  },

  'sales.commit': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const { roles } = clinicOf(ctx);
    const organizationId = organizationOf(ctx.db, clinic.clinicId);
    const labels = new Map(input.lines.map((line) => [line.productId, productLabel(requireProduct(ctx.db, organizationId, line.productId))]));
    const plan = planSale(ctx.db, clinic.clinicId, clinic.today, input.lines, input.discount, (productId) => labels.get(productId) ?? 'This product');
    const limit = discountLimitOf(roles);
    if (discountRateBasisPoints(plan.totals) > limit) throw forbiddenError(`The discounts come to more than your limit of ${String(limit / 100)}% of the sale. Ask an administrator.`);
    const settlement = settle(plan.totals.totalMinor, input.payments, CASH_INCREMENT_MINOR);
    if (!settlement.ok) throw validationError('payments', settlement.message);
    if (!settlement.settled) throw validationError('payments', `The payments leave ${String(settlement.dueMinor)} still to pay.`);
    const id = newId();
    ctx.write(
      (tx) => {
        const { reference, provisional } = issueReference(tx, { clinicId: clinic.clinicId, clinicCode: clinic.code, series: referenceSeries.saleReceipt, deviceId: ctx.deviceId, nowMs: clinic.nowMs });
        const lines = plan.lines.map((line, index): SaleLineWrite => {
          const totals = plan.totals.lines[index];
          if (totals === undefined) throw new Error('a planned line without totals');
          return { productId: line.productId, batchId: line.batchId, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, discountMinor: totals.lineDiscountMinor + totals.saleDiscountMinor, taxRateBasisPoints: line.taxRateBasisPoints, taxMinor: totals.taxMinor, totalMinor: totals.totalMinor, returnOfLineId: null };
        });
        writeSale(tx, {
          id,
          clinicId: clinic.clinicId,
          kind: 'SALE',
          receiptNumber: reference,
          provisionalReceiptNumber: provisional ? reference : null,
          returnOfSaleId: null,
          totals: { grossMinor: plan.totals.grossMinor, discountMinor: plan.totals.discountMinor, taxMinor: plan.totals.taxMinor, totalMinor: plan.totals.totalMinor },
          changeMinor: settlement.changeMinor,
          cashRoundingMinor: settlement.cashRoundingMinor,
          reason: plan.lines.some((line) => line.expiredOverride) ? input.lines.map((line) => line.expiredOverrideReason ?? '').filter((text) => text.trim() !== '').map((text) => `Expired, given with override: ${text.trim()}`).join(' · ') : '',
          lines,
          payments: input.payments,
          userId: clinic.userId,
          deviceName: ctx.deviceName,
          nowMs: clinic.nowMs,
        });
      },
      { entityType: 'sale', entityId: id, detail: { lines: plan.lines.length, totalMinor: plan.totals.totalMinor, expiredOverride: plan.lines.some((line) => line.expiredOverride) } },
    );
    return requireSale(ctx, id);
  },

  'sales.get': (ctx, input) => {
    const sale = saleByReceiptNumber(ctx.db, clinicOf(ctx).clinicId, input.receiptNumber);
    if (sale === undefined) throw notFoundError('No sale with that receipt number at this clinic.');
    return sale;
  },

  'sales.receipt': async (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const sale = saleByReceiptNumber(ctx.db, clinicId, input.receiptNumber);
    const clinic = findClinic(ctx.db, clinicId);
    if (sale === undefined || clinic === undefined) throw notFoundError('No sale with that receipt number at this clinic.');
    const returnOf = sale.returnOfSaleId === null ? null : (saleById(ctx.db, clinicId, sale.returnOfSaleId)?.receiptNumber ?? null);
    const pdf = await receiptPdf({ clinic: { name: clinic.name, address: clinic.address, phone: clinic.phone, currency: clinic.currency, timeZone: clinic.timeZone }, sale, returnOf }, input.paper);
    return { receiptNumber: sale.receiptNumber, fileName: `receipt-${sale.receiptNumber}.pdf`, pdfBase64: pdf.toString('base64') };
  },

  'sales.return': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const original = requireSale(ctx, input.saleId);
    if (original.kind !== 'SALE') throw conflictError('A return cannot itself be returned.');
    const lines = input.lines.map((wanted, index): SaleLineWrite => {
      const sold = original.lines.find((line) => line.id === wanted.saleLineId);
      if (sold === undefined) throw validationError(`lines.${String(index)}.saleLineId`, 'That line is not on this sale.');
      const alreadyBack = sold.returnedQuantity + input.lines.slice(0, index).filter((earlier) => earlier.saleLineId === wanted.saleLineId).reduce((sum, earlier) => sum + earlier.quantity, 0);
      if (alreadyBack + wanted.quantity > sold.quantity) throw conflictError(`Only ${String(sold.quantity - alreadyBack)} of ${sold.productLabel} can still be given back on this sale.`, `lines.${String(index)}.quantity`);
      // The refund is what the customer paid for those packs, in the same share of the line.
      const share = (minor: number) => scaleRounded(minor, wanted.quantity, sold.quantity);
      return { productId: sold.productId, batchId: sold.batchId, quantity: wanted.quantity, unitPriceMinor: sold.unitPriceMinor, discountMinor: share(sold.discountMinor), taxRateBasisPoints: sold.taxRateBasisPoints, taxMinor: share(sold.taxMinor), totalMinor: share(sold.totalMinor), returnOfLineId: sold.id };
    });
    const sum = (pick: (line: SaleLineWrite) => number) => lines.reduce((total, line) => total + pick(line), 0);
    const totalMinor = sum((line) => line.totalMinor);
    const id = newId();
    ctx.write(
      (tx) => {
        const { reference, provisional } = issueReference(tx, { clinicId: clinic.clinicId, clinicCode: clinic.code, series: referenceSeries.saleReceipt, deviceId: ctx.deviceId, nowMs: clinic.nowMs });
        writeSale(tx, {
          id,
          clinicId: clinic.clinicId,
          kind: 'RETURN',
          receiptNumber: reference,
          provisionalReceiptNumber: provisional ? reference : null,
          returnOfSaleId: original.id,
          totals: { grossMinor: sum((line) => line.unitPriceMinor * line.quantity), discountMinor: sum((line) => line.discountMinor), taxMinor: sum((line) => line.taxMinor), totalMinor },
          changeMinor: 0,
          cashRoundingMinor: 0,
          reason: input.reason,
          lines,
          payments: totalMinor > 0 ? [{ method: input.refundMethod, amountMinor: totalMinor }] : [],
          userId: clinic.userId,
          deviceName: ctx.deviceName,
          nowMs: clinic.nowMs,
        });
      },
      { entityType: 'sale', entityId: id, detail: { returnOf: original.id, lines: lines.length, totalMinor } },
    );
    return requireSale(ctx, id);
  },
} satisfies Partial<Handlers>;
