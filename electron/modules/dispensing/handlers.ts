import { localDayBounds } from '#shared/scheduling/slots.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import type { CallContext, Handlers } from '../../api/context.ts';
import { newId } from '../../platform/ids.ts';
import { prescriptionsToDispenseOf } from './patient-prescriptions.ts';
import { planDispense } from './dispense-plan.ts';
import { linesLeft, prescriptionToDispense } from './dispense-state.ts';
import { writeDispense } from './dispense-writes.ts';
import { scanPack } from './pack-scan.ts';
import { prescriptionById, prescriptionByReference, requireCounterPatient, type PrescriptionAtCounter } from './prescription-source.ts';
import { registerEntries, registerProducts } from './register-rows.ts';

/** Every read of a patient's prescription at the counter is in the audit log, as a read of their record. */
function auditRead(ctx: CallContext, at: PrescriptionAtCounter, detail: Readonly<Record<string, string>> = {}): void {
  ctx.write(() => null, { entityType: 'prescription', entityId: at.row.id, detail: { patientId: at.patient.id, reference: at.row.reference, ...detail } });
}

export const dispensingHandlers = {
  'dispensing.find': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const at = prescriptionByReference(ctx.db, clinic.clinicId, input.reference);
    requireCounterPatient(ctx.db, at, input.counterPatientId);
    auditRead(ctx, at);
    return prescriptionToDispense(ctx.db, clinic, at);
  },

  'dispensing.ofPatient': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const result = prescriptionsToDispenseOf(ctx.db, clinic, input.patientId);
    ctx.write(() => null, { entityType: 'patient', entityId: input.patientId, detail: { prescriptionsToDispense: result.length } });
    return { prescriptions: result };
  },

  'dispensing.scanPack': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const at = prescriptionById(ctx.db, clinic.clinicId, input.prescriptionId);
    const result = scanPack(ctx.db, clinic, linesLeft(ctx.db, clinic, at), input.code);
    auditRead(ctx, at, { scanned: result.outcome });
    return result;
  },

  'dispensing.dispense': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const at = prescriptionById(ctx.db, clinic.clinicId, input.prescriptionId);
    requireCounterPatient(ctx.db, at, input.counterPatientId);
    const plan = planDispense(ctx.db, clinic, prescriptionToDispense(ctx.db, clinic, at), input.lines, input.overrides);
    const id = newId();
    ctx.write((tx) => writeDispense(tx, { id, clinicId: clinic.clinicId, prescriptionId: at.row.id, patientId: at.row.patientId, plan, userId: clinic.userId, deviceName: ctx.deviceName, nowMs: clinic.nowMs }), {
      entityType: 'prescription',
      entityId: at.row.id,
      detail: {
        patientId: at.patient.id,
        reference: at.row.reference,
        dispenseId: id,
        packs: plan.packs.reduce((sum, pack) => sum + pack.quantity, 0),
        controlled: plan.packs.some((pack) => pack.line.controlled),
        overriddenAlerts: plan.overrides.map((override) => `${override.severity} ${override.kind} ${override.id}`),
        overrideReasons: plan.overrides.map((override) => override.reason),
      },
    });
    return { dispenseId: id, prescription: prescriptionToDispense(ctx.db, clinicContextOf(ctx), at) };
  },

  'dispensing.controlledRegister': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const fromIso = input.from === null ? null : localDayBounds(input.from, clinic.timeZone).startAt;
    const toIso = input.to === null ? null : localDayBounds(input.to, clinic.timeZone).endAt;
    const result = registerEntries(ctx.db, clinic.clinicId, { productId: input.productId, fromIso, toIso });
    // The register names the patients supplies went to: reading it is audited like a chart.
    ctx.write(() => null, { entityType: 'controlled_register', entityId: null, detail: { productId: input.productId, from: input.from, to: input.to, entries: result.entries.length } });
    return { ...result, products: registerProducts(ctx.db, clinic.clinicId) };
  },
} satisfies Partial<Handlers>;
