import type { Harness } from '#tests/support/core-harness.ts';

// A signed prescription, written and signed through the calls the doctor's screens make.

const note = { subjective: 'Pain', objective: 'Examined', assessment: 'As noted', plan: 'Medicines as prescribed' };
const diagnosis = { code: 'J03.9', title: 'Acute tonsillitis, unspecified', rank: 'PRIMARY', certainty: 'CONFIRMED', chronic: false } as const;

export type PrescribedLine = { readonly productId: string; readonly quantity: number; readonly refills?: number };

export type SignedPrescription = { readonly prescriptionId: string; readonly reference: string; readonly lineIds: readonly string[] };

/** A medicine with ingredients and an ATC code, so the checks find allergies; optionally controlled, with a GTIN and a price. */
export async function medicine(harness: Harness, token: string, facts: { name: string; atcCode: string; gtin?: string; controlled?: boolean; priceMinor?: number }): Promise<string> {
  const genericName = facts.name.charAt(0).toUpperCase() + facts.name.slice(1);
  const controlled = facts.controlled ?? false;
  const product = await harness.call(
    'medicines.create',
    { kind: 'MEDICINE', genericName, strengthText: '10 mg', strength: { amount: 10, unit: 'mg' }, doseForm: 'tablet', route: 'ORAL', ingredients: [{ name: facts.name, strength: '10 mg' }], atcCode: facts.atcCode, controlled, prescriptionOnly: controlled },
    token,
  );
  if (facts.gtin !== undefined) await harness.call('medicines.addBarcode', { productId: product.id, kind: 'GTIN', code: facts.gtin }, token);
  if (facts.priceMinor !== undefined) await harness.call('medicines.setClinicSettings', { productId: product.id, salePriceMinor: facts.priceMinor, taxRateBp: 0, reorderLevel: 0 }, token);
  return product.id;
}

/** The doctor sees the patient, prescribes the lines (overriding what the checks ask to with a reason) and signs. */
export async function signedPrescription(harness: Harness, doctorToken: string, patientId: string, lines: readonly PrescribedLine[]): Promise<SignedPrescription> {
  const encounter = await harness.call('consultation.startUnscheduled', { patientId }, doctorToken);
  for (const line of lines) {
    const input = { encounterId: encounter.id, line: { productId: line.productId, dose: { amount: 1, unit: 'tablets' }, frequency: 'OD', durationDays: 5, quantity: line.quantity, refills: line.refills ?? 0 } } as const;
    const checked = await harness.call('medicines.checkPrescription', { patientId, items: [{ productId: line.productId }] }, doctorToken);
    const overrides = checked.alerts.filter((alert) => alert.needsOverride).map((alert) => ({ alertId: alert.id, reason: 'Benefit outweighs the risk, discussed' }));
    await harness.call('prescriptions.saveLine', { ...input, overrides }, doctorToken);
  }
  const draft = await harness.call('consultation.saveDraft', { encounterId: encounter.id, ...note, diagnoses: [diagnosis], basedOn: null }, doctorToken);
  await harness.call('consultation.sign', { encounterId: encounter.id, draftId: draft.id, version: draft.version }, doctorToken);
  const read = await harness.call('prescriptions.ofEncounter', { encounterId: encounter.id }, doctorToken);
  if (read.prescription === null) throw new Error('no prescription was signed');
  return { prescriptionId: read.prescription.id, reference: read.prescription.reference, lineIds: read.prescription.lines.map((line) => line.id) };
}
