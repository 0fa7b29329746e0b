import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { notFoundError } from '#shared/api/errors.ts';
import type { ChartResult, OpenOrder, Order, OrderResult } from '#shared/modules/orders/order.ts';
import type { Db } from '../../db/database.ts';
import { diagnosticOrders, diagnosticResults, patients, users } from '../../db/schema/index.ts';
import type { DiagnosticOrderRow, DiagnosticResultRow } from './tables.ts';

function resultView(row: DiagnosticResultRow, enteredByName: string): OrderResult {
  return {
    id: row.id,
    componentCode: row.componentCode,
    componentName: row.componentName,
    loinc: row.loinc,
    value: row.value,
    unit: row.unit,
    rangeLow: row.rangeLow,
    rangeHigh: row.rangeHigh,
    flag: row.flag,
    flaggedByHand: row.flaggedByHand,
    documentId: row.documentId,
    enteredByName,
    enteredAt: row.enteredAt,
  };
}

function namesOf(db: Db, userIds: readonly UserId[]): Map<string, string> {
  if (userIds.length === 0) return new Map();
  const rows = db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, [...new Set(userIds)])).all();
  return new Map(rows.map((row) => [row.id, row.fullName]));
}

/** Orders as the screens show them, each with its results in the catalogue's item order. */
export function orderViews(db: Db, rows: readonly DiagnosticOrderRow[]): Order[] {
  if (rows.length === 0) return [];
  const results = db
    .select()
    .from(diagnosticResults)
    .where(and(inArray(diagnosticResults.orderId, rows.map((row) => row.id)), isNull(diagnosticResults.deletedAt)))
    .orderBy(asc(diagnosticResults.createdAt), asc(diagnosticResults.componentCode))
    .all();
  const names = namesOf(db, [...rows.map((row) => row.orderedByUserId), ...results.map((row) => row.enteredByUserId)]);
  return rows.map((row) => ({
    id: row.id,
    encounterId: row.encounterId,
    patientId: row.patientId,
    testCode: row.testCode,
    testName: row.testName,
    kind: row.kind,
    loinc: row.loinc,
    urgency: row.urgency,
    clinicalNote: row.clinicalNote,
    status: row.status,
    orderedByName: names.get(row.orderedByUserId) ?? '',
    orderedAt: row.orderedAt,
    collectedAt: row.collectedAt,
    resultedAt: row.resultedAt,
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
    results: results.filter((result) => result.orderId === row.id).map((result) => resultView(result, names.get(result.enteredByUserId) ?? '')),
  }));
}

export function orderRowsOfEncounter(db: Db, encounterId: string): DiagnosticOrderRow[] {
  return db
    .select()
    .from(diagnosticOrders)
    .where(and(eq(diagnosticOrders.encounterId, encounterId), isNull(diagnosticOrders.deletedAt)))
    .orderBy(asc(diagnosticOrders.orderedAt), asc(diagnosticOrders.id))
    .all();
}

/** An order this clinic placed; another clinic's orders are read, not worked, here. */
export function requireOrder(db: Db, clinicId: ClinicId, orderId: string): DiagnosticOrderRow {
  const row = db.select().from(diagnosticOrders).where(and(eq(diagnosticOrders.id, orderId), eq(diagnosticOrders.clinicId, clinicId))).get();
  if (row === undefined || row.deletedAt !== null) throw notFoundError('No such order in this clinic.');
  return row;
}

export function orderView(db: Db, orderId: string): Order {
  const row = db.select().from(diagnosticOrders).where(eq(diagnosticOrders.id, orderId)).get();
  const view = row === undefined ? undefined : orderViews(db, [row])[0];
  if (view === undefined) throw new Error('order vanished');
  return view;
}

/** Every result of these patient records (a merge set), with the date the specimen was taken. */
export function chartResultsOf(db: Db, patientIds: readonly PatientId[]): ChartResult[] {
  return db
    .select({ order: diagnosticOrders, result: diagnosticResults })
    .from(diagnosticResults)
    .innerJoin(diagnosticOrders, eq(diagnosticOrders.id, diagnosticResults.orderId))
    .where(and(inArray(diagnosticResults.patientId, [...patientIds]), isNull(diagnosticResults.deletedAt), isNull(diagnosticOrders.deletedAt)))
    .orderBy(asc(diagnosticOrders.orderedAt))
    .all()
    .map(({ order, result }) => ({
      orderId: order.id,
      testCode: order.testCode,
      testName: order.testName,
      componentCode: result.componentCode,
      componentName: result.componentName,
      value: result.value,
      unit: result.unit,
      rangeLow: result.rangeLow,
      rangeHigh: result.rangeHigh,
      flag: result.flag,
      takenAt: order.collectedAt ?? order.resultedAt ?? order.orderedAt,
    }));
}

const urgencyOrder = { STAT: 0, URGENT: 1, ROUTINE: 2 } as const;

/** The clinic's orders waiting for a specimen or a result: the most urgent first, then the oldest. */
export function openOrdersOf(db: Db, clinicId: ClinicId): OpenOrder[] {
  const rows = db
    .select({ order: diagnosticOrders, patient: patients })
    .from(diagnosticOrders)
    .innerJoin(patients, eq(patients.id, diagnosticOrders.patientId))
    .where(and(eq(diagnosticOrders.clinicId, clinicId), inArray(diagnosticOrders.status, ['ORDERED', 'COLLECTED']), isNull(diagnosticOrders.deletedAt)))
    .orderBy(asc(diagnosticOrders.orderedAt), asc(diagnosticOrders.id))
    .all()
    .sort((a, b) => urgencyOrder[a.order.urgency] - urgencyOrder[b.order.urgency]);
  const views = new Map(orderViews(db, rows.map((row) => row.order)).map((view) => [view.id, view]));
  return rows.flatMap(({ order, patient }) => {
    const view = views.get(order.id);
    return view === undefined ? [] : [{ order: view, patient: { id: patient.id, mrn: patient.mrn, givenName: patient.givenName, familyName: patient.familyName, sex: patient.sex } }];
  });
}
