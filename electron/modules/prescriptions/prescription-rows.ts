import type { PatientId } from '#shared/domain/ids.ts';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DoseUnit, Route } from '#shared/modules/medicines/index.ts';
import { frequencyWords } from '#shared/modules/prescriptions/frequency.ts';
import { recordedOverrideSchema, type Prescription, type PrescriptionLine, type RecordedOverride } from '#shared/modules/prescriptions/line.ts';
import type { Db } from '../../db/database.ts';
import { prescriptionDraftLines, prescriptionLines, prescriptions, users } from '../../db/schema/index.ts';
import type { DraftLineRow, PrescriptionRow, SignedLineRow } from './tables.ts';

export function overridesOf(row: Pick<DraftLineRow, 'overridesJson'>): RecordedOverride[] {
  return recordedOverrideSchema.array().parse(JSON.parse(row.overridesJson));
}

export function lineOf(row: DraftLineRow | SignedLineRow): PrescriptionLine {
  return {
    id: row.id,
    productId: row.productId,
    productLabel: row.productLabel,
    dose: { amount: row.doseMilli / 1000, unit: row.doseUnit as DoseUnit },
    route: row.route as Route | null,
    frequency: row.frequency,
    frequencyWords: frequencyWords(row.frequency),
    durationDays: row.durationDays,
    quantity: row.quantity,
    refills: row.refills,
    instructions: row.instructions,
    overrides: overridesOf(row),
  };
}

export function prescriptionOfEncounter(db: Db, encounterId: string): PrescriptionRow | undefined {
  return db.select().from(prescriptions).where(and(eq(prescriptions.encounterId, encounterId), isNull(prescriptions.deletedAt))).get();
}

export function liveDraftLines(db: Db, prescriptionId: string): DraftLineRow[] {
  return db.select().from(prescriptionDraftLines).where(and(eq(prescriptionDraftLines.prescriptionId, prescriptionId), isNull(prescriptionDraftLines.deletedAt))).orderBy(asc(prescriptionDraftLines.position), asc(prescriptionDraftLines.id)).all();
}

function signedLinesOf(db: Db, prescriptionIds: readonly string[]): Map<string, PrescriptionLine[]> {
  const byPrescription = new Map<string, PrescriptionLine[]>();
  if (prescriptionIds.length === 0) return byPrescription;
  const rows = db.select().from(prescriptionLines).where(inArray(prescriptionLines.prescriptionId, [...prescriptionIds])).orderBy(asc(prescriptionLines.position), asc(prescriptionLines.id)).all();
  for (const row of rows) byPrescription.set(row.prescriptionId, [...(byPrescription.get(row.prescriptionId) ?? []), lineOf(row)]);
  return byPrescription;
}

function doctorName(db: Db, row: PrescriptionRow): string {
  return db.select({ fullName: users.fullName }).from(users).where(eq(users.id, row.doctorUserId)).get()?.fullName ?? '';
}

/** A prescription as shown: a draft's live lines, or a signed one's ledger lines. */
export function prescriptionView(db: Db, row: PrescriptionRow): Prescription {
  const lines = row.status === 'SIGNED' ? (signedLinesOf(db, [row.id]).get(row.id) ?? []) : liveDraftLines(db, row.id).map(lineOf);
  return { id: row.id, reference: row.reference, status: row.status, encounterId: row.encounterId, patientId: row.patientId, doctorName: doctorName(db, row), signedAt: row.signedAt, lines };
}

/** The patient's signed prescriptions (over their merged records), newest first. */
export function signedPrescriptionsOf(db: Db, patientIds: readonly PatientId[]): Prescription[] {
  const rows = db
    .select()
    .from(prescriptions)
    .where(and(inArray(prescriptions.patientId, [...patientIds]), eq(prescriptions.status, 'SIGNED'), isNull(prescriptions.deletedAt)))
    .orderBy(desc(prescriptions.signedAt))
    .all();
  const lines = signedLinesOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({ id: row.id, reference: row.reference, status: row.status, encounterId: row.encounterId, patientId: row.patientId, doctorName: doctorName(db, row), signedAt: row.signedAt, lines: lines.get(row.id) ?? [] }));
}
