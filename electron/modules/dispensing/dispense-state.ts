import type { ClinicId, PatientId } from '#shared/domain/ids.ts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DispenseLine, DispensePatient, PrescriptionToDispense } from '#shared/modules/dispensing/dispense-views.ts';
import { prescribedPacks, remainingPacks } from '#shared/modules/dispensing/supply.ts';
import { productLabel } from '#shared/modules/medicines/index.ts';
import { lineInWords, type Prescription } from '#shared/modules/prescriptions/index.ts';
import { isExpired, pickBatches, fefoOrder } from '#shared/modules/stock/index.ts';
import type { OrganizationId } from '#shared/domain/ids.ts';
import type { Db } from '../../db/database.ts';
import { medicineClinicSettings, patientAllergies } from '../../db/schema/index.ts';
import { organizationOf, requireProduct } from '../medicines/index.ts';
import { shownAllergyStatus } from '#shared/modules/patients/index.ts';
import { checkLines, prescriptionView } from '../prescriptions/index.ts';
import { batchesOfProduct } from '../stock/index.ts';
import { dispensedByLine, dispenseHistory } from './dispensed-rows.ts';
import type { PrescriptionAtCounter } from './prescription-source.ts';

// The prescription as the counter sees it: who it is for, each medicine with what is left to hand
// over and the batches it would come from, and the safety checks run again now.

export type CounterClinic = { readonly clinicId: ClinicId; readonly today: string; readonly nowMs: number };

function bannerOf(db: Db, at: PrescriptionAtCounter): DispensePatient {
  const allergies = db
    .select({ substance: patientAllergies.substance, reaction: patientAllergies.reaction, severity: patientAllergies.severity })
    .from(patientAllergies)
    .where(and(inArray(patientAllergies.patientId, [...at.patientIds]), isNull(patientAllergies.deletedAt)))
    .all();
  const { patient } = at;
  return { id: patient.id, fullName: `${patient.givenName} ${patient.familyName}`, mrn: patient.mrn, birthDate: patient.birthDate, allergyStatus: shownAllergyStatus(patient.allergyStatus, allergies.length), allergies };
}

function priceOf(db: Db, clinicId: ClinicId, productId: string): number | null {
  return db.select({ price: medicineClinicSettings.salePriceMinor }).from(medicineClinicSettings).where(and(eq(medicineClinicSettings.productId, productId), eq(medicineClinicSettings.clinicId, clinicId), isNull(medicineClinicSettings.deletedAt))).get()?.price ?? null;
}

type ProductFacts = { readonly label: string; readonly controlled: boolean; readonly packSizes: readonly number[] };

const packSizesSchema = z.array(z.number());

export function productFacts(db: Db, organizationId: OrganizationId, productId: string): ProductFacts {
  const product = requireProduct(db, organizationId, productId);
  const packSizes = packSizesSchema.safeParse(JSON.parse(product.packSizes));
  return { label: productLabel(product), controlled: product.controlled, packSizes: packSizes.success ? packSizes.data : [] };
}

function lineState(db: Db, clinic: CounterClinic, prescription: Prescription, facts: ProductFacts, dispensed: number, index: number): DispenseLine {
  const line = prescription.lines[index];
  if (line === undefined) throw new Error('a line outside the prescription');
  const prescribed = prescribedPacks(line, facts.packSizes);
  const remaining = remainingPacks(prescribed, dispensed);
  const pickable = batchesOfProduct(db, clinic.clinicId, line.productId).filter((batch) => batch.onHand > 0);
  const picked = remaining > 0 ? pickBatches(pickable, { quantity: remaining, today: clinic.today }) : null;
  const byId = new Map(pickable.map((batch) => [batch.batchId, batch]));
  const picks = picked?.ok === true ? picked.picks.map((pick) => ({ batchId: pick.batchId, lot: byId.get(pick.batchId)?.lot ?? '', expiryDate: byId.get(pick.batchId)?.expiryDate ?? null, quantity: pick.quantity })) : [];
  return {
    id: line.id,
    productId: line.productId,
    productLabel: line.productLabel,
    controlled: facts.controlled,
    directions: lineInWords(line),
    instructions: line.instructions,
    prescribed,
    dispensed,
    remaining,
    picks,
    shortBy: picked?.ok === true ? picked.shortBy : 0,
    batches: [...pickable].sort(fefoOrder).map((batch) => ({ batchId: batch.batchId, lot: batch.lot, expiryDate: batch.expiryDate, onHand: batch.onHand, expired: isExpired(batch.expiryDate, clinic.today) })),
    unitPriceMinor: priceOf(db, clinic.clinicId, line.productId),
  };
}

/** A line and the packs still to hand over. */
export type LineLeft = { readonly id: string; readonly productId: string; readonly productLabel: string; readonly remaining: number };

/** What is left of each line, without batches, prices or checks: what the pack guard needs at every scan. */
export function linesLeft(db: Db, clinic: CounterClinic, at: PrescriptionAtCounter): LineLeft[] {
  const prescription = prescriptionView(db, at.row);
  const organizationId = organizationOf(db, clinic.clinicId);
  const packSizes = new Map([...new Set(prescription.lines.map((line) => line.productId))].map((productId) => [productId, productFacts(db, organizationId, productId).packSizes]));
  const dispensed = dispensedByLine(db, prescription.lines.map((line) => line.id));
  return prescription.lines.map((line) => ({
    id: line.id,
    productId: line.productId,
    productLabel: line.productLabel,
    remaining: remainingPacks(prescribedPacks(line, packSizes.get(line.productId) ?? []), dispensed.get(line.id) ?? 0),
  }));
}

/** Everything the Dispense screen shows of one prescription. */
export function prescriptionToDispense(db: Db, clinic: CounterClinic, at: PrescriptionAtCounter): PrescriptionToDispense {
  const prescription = prescriptionView(db, at.row);
  const organizationId = organizationOf(db, clinic.clinicId);
  const facts = new Map(prescription.lines.map((line) => [line.productId, productFacts(db, organizationId, line.productId)]));
  const factsOf = (productId: string, label: string): ProductFacts => facts.get(productId) ?? { label, controlled: false, packSizes: [] };
  const dispensed = dispensedByLine(db, prescription.lines.map((line) => line.id));
  const lines = prescription.lines.map((line, index) => lineState(db, clinic, prescription, factsOf(line.productId, line.productLabel), dispensed.get(line.id) ?? 0, index));
  const scope = { organizationId, patientIds: at.patientIds as PatientId[], prescriptionId: at.row.id, nowMs: clinic.nowMs };
  const alerts = checkLines(db, scope, prescription.lines.map((line) => ({ productId: line.productId, dose: line.dose, frequency: line.frequency })));
  return {
    prescriptionId: at.row.id,
    reference: at.row.reference,
    doctorName: prescription.doctorName,
    signedAt: prescription.signedAt,
    patient: bannerOf(db, at),
    lines,
    alerts,
    prescriberOverrides: prescription.lines.flatMap((line) => line.overrides.map((override) => ({ alertId: override.alertId, reason: override.reason }))),
    complete: lines.every((line) => line.remaining === 0),
    dispenses: dispenseHistory(db, at.row.id, (productId) => facts.get(productId)?.label ?? 'A medicine'),
  };
}
