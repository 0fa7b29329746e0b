import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts';
import { sortedAlerts, type PrescriptionAlert } from './alerts.ts';
import { allergyAlerts, type RecordedAllergy } from './allergy-check.ts';
import { doseAlert, type DoseOrder } from './dose-check.ts';
import { conceptsOf, type MedicineForCheck } from './medicine-concepts.ts';
import { pairAlerts } from './pair-checks.ts';

export type ProposedMedicine = MedicineForCheck & DoseOrder;

export type PrescriptionCheckRequest = {
  /** The medicines being prescribed (or dispensed), with their dose and times a day when known. */
  readonly proposed: readonly ProposedMedicine[];
  /** What the patient already takes. */
  readonly current: readonly MedicineForCheck[];
  readonly allergies: readonly RecordedAllergy[];
};

/**
 * Every check at once, offline and without side effects: allergy and cross-allergy, interactions
 * with current medicines and within the prescription, duplicate therapy, and the maximum daily
 * dose. The consultation runs it when prescribing and the pharmacy again when dispensing.
 */
export function checkPrescription(index: KnowledgeIndex, request: PrescriptionCheckRequest): PrescriptionAlert[] {
  const proposed = request.proposed.map((medicine) => conceptsOf(index, medicine));
  const current = request.current.map((medicine) => conceptsOf(index, medicine));
  const doses = proposed.flatMap((medicine, position) => {
    const order = request.proposed[position];
    const alert = order === undefined ? null : doseAlert(medicine, order);
    return alert === null ? [] : [alert];
  });
  return sortedAlerts([...allergyAlerts(index, proposed, request.allergies), ...pairAlerts(index, proposed, current), ...doses]);
}
