import { and, eq, isNull } from 'drizzle-orm';
import { conflictError, notFoundError, validationError } from '#shared/api/errors.ts';
import { barcodeLookupCode, checkGtin } from '#shared/modules/medicines/gtin.ts';
import { parseInteractionCsv } from '#shared/modules/medicines/knowledge/interaction-record.ts';
import type { Handlers } from '../../api/context.ts';
import { clinicOf } from '../../api/context.ts';
import { medicineBarcodes, patientAllergies } from '../../db/schema/index.ts';
import { findPatient, isVisibleIn } from '../patients/index.ts';
import { newId } from '../../platform/ids.ts';
import { organizationOf, requireProduct } from './catalogue-access.ts';
import { findByCode } from './barcode-lookup.ts';
import { forgetKnowledgeIndex, knowledgeSummary, replaceInteractions } from './interaction-store.ts';
import { checkCataloguePrescription } from './prescription-check.ts';
import { productOf } from './product-rows.ts';
import { searchProducts } from './product-search.ts';
import { barcodeIdFor, insertProduct, putBarcode, putClinicSettings, removeBarcode, setProductActive, updateProduct } from './product-writes.ts';

export const medicineHandlers = {
  'medicines.search': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    return { products: searchProducts(ctx.db, { organizationId: organizationOf(ctx.db, clinicId), query: input.query, limit: input.limit, includeRetired: input.includeRetired, kinds: input.kinds }) };
  },

  'medicines.get': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    return productOf(ctx.db, requireProduct(ctx.db, organizationOf(ctx.db, clinicId), input.productId), clinicId);
  },

  'medicines.findByBarcode': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const row = findByCode(ctx.db, organizationOf(ctx.db, clinicId), input.code);
    return { product: row === undefined ? null : productOf(ctx.db, row, clinicId) };
  },

  'medicines.create': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const organizationId = organizationOf(ctx.db, clinicId);
    const id = newId();
    ctx.write((tx) => insertProduct(tx, id, organizationId, input, ctx.clock.now()), { entityType: 'medicine_product', entityId: id, detail: { kind: input.kind } });
    return productOf(ctx.db, requireProduct(ctx.db, organizationId, id), clinicId);
  },

  'medicines.update': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const organizationId = organizationOf(ctx.db, clinicId);
    const row = requireProduct(ctx.db, organizationId, input.productId);
    ctx.write((tx) => updateProduct(tx, row.id, input.product, ctx.clock.now()), { entityType: 'medicine_product', entityId: row.id });
    return productOf(ctx.db, requireProduct(ctx.db, organizationId, row.id), clinicId);
  },

  'medicines.retire': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const organizationId = organizationOf(ctx.db, clinicId);
    const row = requireProduct(ctx.db, organizationId, input.productId);
    ctx.write((tx) => setProductActive(tx, row.id, !input.retired, ctx.clock.now()), { entityType: 'medicine_product', entityId: row.id, detail: { retired: input.retired } });
    return productOf(ctx.db, requireProduct(ctx.db, organizationId, row.id), clinicId);
  },

  'medicines.addBarcode': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const organizationId = organizationOf(ctx.db, clinicId);
    const product = requireProduct(ctx.db, organizationId, input.productId);
    if (input.kind === 'GTIN') {
      const checked = checkGtin(input.code);
      if (!checked.valid) throw validationError('code', checked.message);
    }
    const lookupCode = barcodeLookupCode(input.kind, input.code);
    if (lookupCode === null || lookupCode === '') throw validationError('code', 'Type the code');
    const held = ctx.db.select().from(medicineBarcodes).where(eq(medicineBarcodes.id, barcodeIdFor(organizationId, lookupCode))).get();
    if (held !== undefined && held.deletedAt === null) {
      if (held.productId === product.id) throw conflictError('This product already has that code.', 'code');
      const owner = requireProduct(ctx.db, organizationId, held.productId);
      throw conflictError(`That code is already on ${owner.genericName}${owner.brandName === '' ? '' : ` (${owner.brandName})`}; remove it there first.`, 'code');
    }
    const id = ctx.write((tx) => putBarcode(tx, { organizationId, productId: product.id, kind: input.kind, code: input.code, lookupCode }, held, ctx.clock.now()), (barcodeId) => ({
      entityType: 'medicine_product',
      entityId: product.id,
      detail: { barcodeId, kind: input.kind },
    }));
    const result = productOf(ctx.db, product, clinicId);
    const barcode = result.barcodes.find((candidate) => candidate.id === id);
    if (barcode === undefined) throw new Error('barcode vanished');
    return { barcode, product: result };
  },

  'medicines.removeBarcode': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const organizationId = organizationOf(ctx.db, clinicId);
    const held = ctx.db
      .select()
      .from(medicineBarcodes)
      .where(and(eq(medicineBarcodes.id, input.barcodeId), eq(medicineBarcodes.organizationId, organizationId)))
      .get();
    if (held === undefined || held.deletedAt !== null) throw notFoundError('That code is no longer on any product.');
    const product = requireProduct(ctx.db, organizationId, held.productId);
    ctx.write((tx) => removeBarcode(tx, held.id, ctx.clock.now()), { entityType: 'medicine_product', entityId: product.id, detail: { barcodeId: held.id, removed: true } });
    return productOf(ctx.db, product, clinicId);
  },

  'medicines.setClinicSettings': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const organizationId = organizationOf(ctx.db, clinicId);
    const product = requireProduct(ctx.db, organizationId, input.productId);
    const { productId, ...values } = input;
    ctx.write((tx) => putClinicSettings(tx, clinicId, productId, values, ctx.clock.now()), { entityType: 'medicine_product', entityId: product.id, detail: { fields: Object.keys(values) } });
    return productOf(ctx.db, product, clinicId);
  },

  'medicines.checkPrescription': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    let allergies = input.allergies;
    if (input.patientId !== null) {
      const patient = findPatient(ctx.db, input.patientId);
      if (patient === undefined || !isVisibleIn(ctx.db, patient, clinicId)) throw notFoundError('That patient is not a patient of this clinic.');
      allergies = ctx.db
        .select({ substance: patientAllergies.substance, severity: patientAllergies.severity })
        .from(patientAllergies)
        .where(and(eq(patientAllergies.patientId, patient.id), isNull(patientAllergies.deletedAt)))
        .all();
      // Reading a patient's allergies is a read of their record: audited like opening it.
      ctx.write(() => null, { entityType: 'patient', entityId: patient.id, detail: { allergies: allergies.length } });
    }
    return { alerts: checkCataloguePrescription(ctx.db, organizationOf(ctx.db, clinicId), { items: input.items, currentProductIds: input.currentProductIds, allergies }) };
  },

  'medicines.knowledgeBase': (ctx) => knowledgeSummary(ctx.db),

  'medicines.importInteractions': (ctx, input) => {
    const parsed = parseInteractionCsv(input.csv);
    if (!parsed.ok) throw validationError('csv', `Nothing was imported. ${parsed.problems.join('. ')}.`);
    ctx.write((tx) => replaceInteractions(tx, parsed.records), { entityType: 'medicine_interactions', entityId: null, detail: { pairs: parsed.records.length } });
    forgetKnowledgeIndex(ctx.db);
    return { imported: parsed.records.length };
  },
} satisfies Partial<Handlers>;
