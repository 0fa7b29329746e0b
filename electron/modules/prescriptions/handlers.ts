import { conflictError, notFoundError } from '#shared/api/errors.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import type { CallContext, Handlers } from '../../api/context.ts';
import { requireEncounter, requireTreatablePatient, type EncounterRow } from '../consultation/index.ts';
import { mergeSetOf } from '../patients/index.ts';
import { checkDraftLines, removeDraftLine, repeatPrescription, saveDraftLine, scopeOf, type DraftChange, type Prescriber } from './draft-writes.ts';
import { prescriptionOfEncounter, prescriptionView, signedPrescriptionsOf } from './prescription-rows.ts';
import { prescriptionPdf } from './prescription-pdf.ts';
import { sheetOf } from './print-sheet.ts';
import { checkLines } from './safety-checks.ts';

function prescriberOf(ctx: CallContext): Prescriber {
  return { clinic: clinicContextOf(ctx), deviceId: ctx.deviceId };
}

/** The encounter's prescription as it stands, with the checks over a draft. */
function withAlerts(ctx: CallContext, prescriber: Prescriber, encounter: EncounterRow) {
  const row = prescriptionOfEncounter(ctx.db, encounter.id);
  if (row === undefined) return { prescription: null, alerts: [] };
  const prescription = prescriptionView(ctx.db, row);
  if (prescription.status === 'SIGNED') return { prescription, alerts: [] };
  const lines = prescription.lines.map((line) => ({ productId: line.productId, dose: { amount: line.dose.amount, unit: line.dose.unit }, frequency: line.frequency }));
  return { prescription, alerts: checkLines(ctx.db, scopeOf(ctx.db, prescriber, encounter, row.id), lines) };
}

// What the audit keeps of an override: which alert, how severe, and the doctor's reason; the
// entry itself says who and when.
function auditOf(encounter: EncounterRow, change: DraftChange, detail: Readonly<Record<string, string | null>>) {
  return {
    entityType: 'prescription',
    entityId: change.prescriptionId,
    detail: { encounterId: encounter.id, patientId: encounter.patientId, ...detail,
      overriddenAlerts: change.overrides.map((override) => `${override.severity} ${override.kind} ${override.alertId}`),
      overrideReasons: change.overrides.map((override) => override.reason),
    },
  };
}

export const prescriptionsHandlers = {
  'prescriptions.ofEncounter': (ctx, input) => {
    const prescriber = prescriberOf(ctx);
    const encounter = requireEncounter(ctx.db, prescriber.clinic.clinicId, input.encounterId);
    const result = withAlerts(ctx, prescriber, encounter);
    // Reading a prescription is a read of the patient's record.
    ctx.write(() => null, { entityType: 'prescription', entityId: result.prescription?.id ?? null, detail: { encounterId: encounter.id, patientId: encounter.patientId } });
    return result;
  },

  'prescriptions.ofPatient': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const patient = requireTreatablePatient(ctx.db, clinic, input.patientId);
    ctx.write(() => null, { entityType: 'patient', entityId: patient.id, detail: { prescriptions: true } });
    return { prescriptions: signedPrescriptionsOf(ctx.db, mergeSetOf(ctx.db, patient.id)) };
  },

  'prescriptions.saveLine': (ctx, input) => {
    const prescriber = prescriberOf(ctx);
    const encounter = requireEncounter(ctx.db, prescriber.clinic.clinicId, input.encounterId);
    ctx.write(
      (tx) => saveDraftLine(tx, encounter, prescriber, { lineId: input.lineId, line: input.line, overrides: input.overrides }),
      (change) => auditOf(encounter, change, { lineId: input.lineId, productId: input.line.productId }),
    );
    return withAlerts(ctx, prescriber, encounter);
  },

  'prescriptions.check': (ctx, input) => {
    const prescriber = prescriberOf(ctx);
    const encounter = requireEncounter(ctx.db, prescriber.clinic.clinicId, input.encounterId);
    const result = checkDraftLines(ctx.db, encounter, prescriber, { lineId: input.lineId, lines: input.lines });
    // The checks read the patient's allergies and current medicines.
    ctx.write(() => null, { entityType: 'prescription', entityId: prescriptionOfEncounter(ctx.db, encounter.id)?.id ?? null, detail: { encounterId: encounter.id, patientId: encounter.patientId } });
    return result;
  },

  'prescriptions.removeLine': (ctx, input) => {
    const prescriber = prescriberOf(ctx);
    const encounter = requireEncounter(ctx.db, prescriber.clinic.clinicId, input.encounterId);
    ctx.write(
      (tx) => removeDraftLine(tx, encounter, prescriber, input.lineId),
      (prescriptionId) => ({ entityType: 'prescription', entityId: prescriptionId, detail: { encounterId: encounter.id, patientId: encounter.patientId, removedLineId: input.lineId } }),
    );
    return withAlerts(ctx, prescriber, encounter);
  },

  'prescriptions.repeat': (ctx, input) => {
    const prescriber = prescriberOf(ctx);
    const encounter = requireEncounter(ctx.db, prescriber.clinic.clinicId, input.encounterId);
    const source = signedPrescriptionsOf(ctx.db, mergeSetOf(ctx.db, encounter.patientId)).find((candidate) => candidate.id === input.prescriptionId);
    if (source === undefined) throw notFoundError('No such signed prescription of this patient.');
    if (source.encounterId === encounter.id) throw conflictError('This is the prescription of this encounter already.');
    const lines = source.lines.map((line) => ({ productId: line.productId, dose: line.dose, route: line.route, frequency: line.frequency, durationDays: line.durationDays, quantity: line.quantity, refills: line.refills, instructions: line.instructions }));
    ctx.write(
      (tx) => repeatPrescription(tx, encounter, prescriber, { lines, overrides: input.overrides }),
      (change) => auditOf(encounter, change, { repeats: source.id }),
    );
    return withAlerts(ctx, prescriber, encounter);
  },

  'prescriptions.print': async (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const encounter = requireEncounter(ctx.db, clinic.clinicId, input.encounterId);
    const row = prescriptionOfEncounter(ctx.db, encounter.id);
    if (row === undefined) throw notFoundError('This encounter has no prescription to print.');
    const prescription = prescriptionView(ctx.db, row);
    if (prescription.lines.length === 0) throw conflictError('This prescription has no medicines to print.');
    const sheet = sheetOf(ctx.db, encounter, prescription);
    ctx.write(() => null, { entityType: 'prescription', entityId: row.id, detail: { encounterId: encounter.id, patientId: encounter.patientId, printed: input.pageSize } });
    const pdf = await prescriptionPdf(sheet, input.pageSize);
    return { reference: prescription.reference, fileName: `prescription-${prescription.reference}.pdf`, pdfBase64: pdf.toString('base64') };
  },
} satisfies Partial<Handlers>;
