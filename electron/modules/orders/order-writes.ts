import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import type { EncounterStatus } from '#shared/modules/consultation/index.ts';
import { eq } from 'drizzle-orm';
import { conflictError, validationError } from '#shared/api/errors.ts';
import { catalogueTest, rangeFor } from '#shared/modules/orders/catalogue.ts';
import type { CatalogueTest } from '#shared/modules/orders/catalogue-types.ts';
import { computedFlag, type ResultFlag } from '#shared/modules/orders/flags.ts';
import { canMove, refusedStepMessage, type OrderStatus, type Urgency } from '#shared/modules/orders/status.ts';
import type { Db } from '../../db/database.ts';
import { diagnosticOrders, diagnosticResults } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { resultItemId } from './result-ids.ts';
import type { DiagnosticOrderRow } from './tables.ts';

export type OrderActor = { readonly clinicId: ClinicId; readonly userId: UserId; readonly nowMs: number };
type OrderedEncounter = { readonly id: string; readonly patientId: PatientId; readonly status: EncounterStatus };

/** One order per test, with what the catalogue says of it now; returns the new orders' ids. */
export function placeOrders(tx: Db, encounter: OrderedEncounter, actor: OrderActor, order: { testCodes: readonly string[]; urgency: Urgency; clinicalNote: string }): string[] {
  if (encounter.status === 'COMPLETED') throw conflictError('This encounter is completed; order in a new one.');
  const tests = order.testCodes.map((code, index): CatalogueTest => {
    const test = catalogueTest(code);
    if (test === undefined) throw validationError(`testCodes.${String(index)}`, `${code} is not in the catalogue of tests.`);
    return test;
  });
  if (new Set(order.testCodes).size !== order.testCodes.length) throw validationError('testCodes', 'A test is chosen twice.');
  const now = isoAt(actor.nowMs);
  return tests.map((test) => {
    const id = newId();
    tx.insert(diagnosticOrders)
      .values({
        id, clinicId: actor.clinicId, encounterId: encounter.id, patientId: encounter.patientId, orderedByUserId: actor.userId,
        testCode: test.code, testName: test.name, kind: test.kind, loinc: test.loinc, urgency: order.urgency, clinicalNote: order.clinicalNote,
        status: 'ORDERED', priceCode: test.priceCode, unitPriceMinor: test.unitPriceMinor, orderedAt: now, createdAt: now, updatedAt: now,
      })
      .run();
    return id;
  });
}

function requireStep(order: DiagnosticOrderRow, to: OrderStatus): void {
  if (!canMove(order.status, to)) throw conflictError(refusedStepMessage(order.status, to));
}

export function markCollected(tx: Db, order: DiagnosticOrderRow, actor: OrderActor): void {
  requireStep(order, 'COLLECTED');
  const now = isoAt(actor.nowMs);
  tx.update(diagnosticOrders).set({ status: 'COLLECTED', collectedAt: now, updatedAt: now }).where(eq(diagnosticOrders.id, order.id)).run();
}

export function cancelOrder(tx: Db, order: DiagnosticOrderRow, actor: OrderActor, reason: string): void {
  requireStep(order, 'CANCELLED');
  const now = isoAt(actor.nowMs);
  tx.update(diagnosticOrders).set({ status: 'CANCELLED', cancelledAt: now, cancelReason: reason, updatedAt: now }).where(eq(diagnosticOrders.id, order.id)).run();
}

export type TypedResult = { readonly componentCode: string; readonly value: string; readonly unit: string; readonly rangeLow: string | null; readonly rangeHigh: string | null; readonly flag: ResultFlag | null };

/**
 * Writes the typed items of an order's result (a correction overwrites its item) and marks the
 * order resulted. An item without a flag is flagged from its range; one with a flag keeps the
 * person's, and says so. An item typed without a range gets the catalogue's for the patient's
 * sex. Returns the items written, for the audit.
 */
export function recordResults(tx: Db, order: DiagnosticOrderRow, actor: OrderActor, typed: { results: readonly TypedResult[]; patientSex: string }): string[] {
  const { results } = typed;
  requireStep(order, 'RESULTED');
  const test = catalogueTest(order.testCode);
  const codes = results.map((result) => result.componentCode);
  if (new Set(codes).size !== codes.length) throw validationError('results', 'An item is typed twice.');
  const now = isoAt(actor.nowMs);
  results.forEach((result, index) => {
    const component = test?.components.find((candidate) => candidate.code === result.componentCode);
    if (component === undefined) throw validationError(`results.${String(index)}.componentCode`, `${result.componentCode} is not an item of ${order.testName}.`);
    const typedRange = result.rangeLow !== null || result.rangeHigh !== null;
    const range = typedRange ? { low: result.rangeLow, high: result.rangeHigh } : (rangeFor(component, typed.patientSex) ?? { low: null, high: null });
    const flag = result.flag ?? computedFlag(result.value, { ...range, normalText: component.normalText });
    const id = resultItemId(order.id, component.code);
    const values = { value: result.value, unit: result.unit === '' ? component.unit : result.unit, rangeLow: range.low, rangeHigh: range.high, flag, flaggedByHand: result.flag !== null, enteredByUserId: actor.userId, enteredAt: now, updatedAt: now, deletedAt: null };
    const held = tx.select({ id: diagnosticResults.id }).from(diagnosticResults).where(eq(diagnosticResults.id, id)).get();
    if (held === undefined) {
      tx.insert(diagnosticResults)
        .values({ id, orderId: order.id, clinicId: order.clinicId, patientId: order.patientId, componentCode: component.code, componentName: component.name, loinc: component.loinc, documentId: null, createdAt: now, ...values })
        .run();
    } else {
      tx.update(diagnosticResults).set(values).where(eq(diagnosticResults.id, id)).run();
    }
  });
  tx.update(diagnosticOrders).set({ status: 'RESULTED', resultedAt: now, updatedAt: now }).where(eq(diagnosticOrders.id, order.id)).run();
  return codes;
}
