import type { PatientId } from '#shared/domain/ids.ts';
import { notFoundError } from '#shared/api/errors.ts';
import { orderCatalogue } from '#shared/modules/orders/catalogue.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import type { CallContext, Handlers } from '../../api/context.ts';
import { requireEncounter, requireTreatablePatient } from '../consultation/index.ts';
import { findPatient, mergeSetOf } from '../patients/index.ts';
import { chartResultsOf, openOrdersOf, orderRowsOfEncounter, orderView, orderViews, requireOrder } from './order-rows.ts';
import { cancelOrder, markCollected, placeOrders, recordResults, type OrderActor } from './order-writes.ts';
import type { DiagnosticOrderRow } from './tables.ts';

function actorOf(ctx: CallContext): OrderActor {
  const clinic = clinicContextOf(ctx);
  return { clinicId: clinic.clinicId, userId: clinic.userId, nowMs: clinic.nowMs };
}

/** What the audit keeps of a change to an order: which order of which patient, never a value. */
function auditOf(order: DiagnosticOrderRow, detail: Readonly<Record<string, string | readonly string[] | null>> = {}) {
  return { entityType: 'diagnostic_order', entityId: order.id, detail: { encounterId: order.encounterId, patientId: order.patientId, testCode: order.testCode, ...detail } };
}

/** The patient's sex picks the catalogue's range for an item typed without one. */
function sexOf(ctx: CallContext, patientId: PatientId): string {
  const patient = findPatient(ctx.db, patientId);
  if (patient === undefined) throw notFoundError('No such patient on this workstation.');
  return patient.sex;
}

export const ordersHandlers = {
  'orders.catalogue': () => ({ tests: [...orderCatalogue] }),

  'orders.ofEncounter': (ctx, input) => {
    const actor = actorOf(ctx);
    const encounter = requireEncounter(ctx.db, actor.clinicId, input.encounterId);
    const orders = orderViews(ctx.db, orderRowsOfEncounter(ctx.db, encounter.id));
    // Reading orders and results is a read of the patient's record.
    ctx.write(() => null, { entityType: 'encounter', entityId: encounter.id, detail: { patientId: encounter.patientId, orders: orders.length } });
    return { orders, patientSex: sexOf(ctx, encounter.patientId) };
  },

  'orders.worklist': (ctx) => {
    const actor = actorOf(ctx);
    const orders = openOrdersOf(ctx.db, actor.clinicId);
    // The list names patients and their tests: a read of their records, which the audit names.
    ctx.write(() => null, { entityType: 'clinic', entityId: actor.clinicId, detail: { patientIds: [...new Set(orders.map((open) => open.patient.id))] } });
    return { orders };
  },

  'orders.place': (ctx, input) => {
    const actor = actorOf(ctx);
    const encounter = requireEncounter(ctx.db, actor.clinicId, input.encounterId);
    ctx.write(
      (tx) => placeOrders(tx, encounter, actor, input),
      (ids) => ({ entityType: 'encounter', entityId: encounter.id, detail: { patientId: encounter.patientId, orderIds: ids, testCodes: input.testCodes, urgency: input.urgency } }),
    );
    return { orders: orderViews(ctx.db, orderRowsOfEncounter(ctx.db, encounter.id)) };
  },

  'orders.markCollected': (ctx, input) => {
    const actor = actorOf(ctx);
    const order = requireOrder(ctx.db, actor.clinicId, input.orderId);
    ctx.write((tx) => markCollected(tx, order, actor), auditOf(order));
    return orderView(ctx.db, order.id);
  },

  'orders.cancel': (ctx, input) => {
    const actor = actorOf(ctx);
    const order = requireOrder(ctx.db, actor.clinicId, input.orderId);
    ctx.write((tx) => cancelOrder(tx, order, actor, input.reason), auditOf(order));
    return orderView(ctx.db, order.id);
  },

  'orders.recordResults': (ctx, input) => {
    const actor = actorOf(ctx);
    const order = requireOrder(ctx.db, actor.clinicId, input.orderId);
    const patientSex = sexOf(ctx, order.patientId);
    ctx.write(
      (tx) => recordResults(tx, order, actor, { results: input.results, patientSex }),
      (items) => auditOf(order, { items }),
    );
    return orderView(ctx.db, order.id);
  },

  'orders.resultsOfPatient': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const patient = requireTreatablePatient(ctx.db, clinic, input.patientId);
    ctx.write(() => null, { entityType: 'patient', entityId: patient.id, detail: { results: true } });
    return { results: chartResultsOf(ctx.db, mergeSetOf(ctx.db, patient.id)) };
  },
} satisfies Partial<Handlers>;
