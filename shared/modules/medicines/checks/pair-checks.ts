import { pairKey, type InteractionFact, type KnowledgeIndex } from '../knowledge/knowledge-index.ts';
import { needsOverride, severityRank, type PrescriptionAlert } from './alerts.ts';
import { classLabel, type MedicineConcepts } from './medicine-concepts.ts';

/** The most severe fact the knowledge base holds for any ingredient or class of one medicine with any of the other. */
function strongestFact(index: KnowledgeIndex, a: MedicineConcepts, b: MedicineConcepts): InteractionFact | null {
  let strongest: InteractionFact | null = null;
  for (const first of a.keys) {
    for (const second of b.keys) {
      for (const fact of index.interactions.get(pairKey(first, second)) ?? []) {
        if (strongest === null || severityRank(fact.severity) > severityRank(strongest.severity)) strongest = fact;
      }
    }
  }
  return strongest;
}

function interactionAlert(index: KnowledgeIndex, medicine: MedicineConcepts, other: MedicineConcepts, current: boolean): PrescriptionAlert | null {
  const fact = strongestFact(index, medicine, other);
  if (fact === null) return null;
  const otherWords = current ? `${other.medicine.label}, which the patient already takes` : `${other.medicine.label} in this prescription`;
  return {
    id: `INTERACTION:${medicine.medicine.productId}:${other.medicine.productId}`,
    kind: 'INTERACTION',
    severity: fact.severity,
    productId: medicine.medicine.productId,
    otherProductId: other.medicine.productId,
    message: `${medicine.medicine.label} with ${otherWords}: ${fact.effect}`,
    advice: fact.advice,
    needsOverride: needsOverride(fact.severity),
  };
}

function duplicateAlert(index: KnowledgeIndex, medicine: MedicineConcepts, other: MedicineConcepts, current: boolean): PrescriptionAlert | null {
  const otherWords = current ? `${other.medicine.label}, which the patient already takes` : `${other.medicine.label}, also in this prescription`;
  const ingredient = medicine.ingredients.find((name) => other.ingredients.includes(name));
  const sharedClass = ingredient === undefined ? medicine.classes.find((name) => index.duplicateClasses.has(name) && other.classes.includes(name)) : undefined;
  if (ingredient === undefined && sharedClass === undefined) return null;
  const message =
    ingredient !== undefined
      ? `${medicine.medicine.label} and ${otherWords}, both contain ${ingredient}.`
      : `${medicine.medicine.label} and ${otherWords}, are both ${classLabel(index, sharedClass ?? '')}.`;
  return {
    id: `DUPLICATE:${medicine.medicine.productId}:${other.medicine.productId}`,
    kind: 'DUPLICATE',
    severity: 'MODERATE',
    productId: medicine.medicine.productId,
    otherProductId: other.medicine.productId,
    message,
    advice: ingredient !== undefined ? 'Give one of them, or make sure the total dose stays within the maximum.' : 'Two medicines of the same class are rarely meant; stop one unless the combination is intended.',
    needsOverride: false,
  };
}

/**
 * Each medicine being prescribed against the patient's current medicines and against the other
 * medicines of the prescription (each pair once): interactions, found whichever of the two the
 * knowledge base names first, and duplicate therapy.
 */
export function pairAlerts(index: KnowledgeIndex, proposed: readonly MedicineConcepts[], current: readonly MedicineConcepts[]): PrescriptionAlert[] {
  const alerts: PrescriptionAlert[] = [];
  const add = (alert: PrescriptionAlert | null) => {
    if (alert !== null) alerts.push(alert);
  };
  proposed.forEach((medicine, position) => {
    for (const taken of current) {
      if (taken.medicine.productId === medicine.medicine.productId) continue;
      add(interactionAlert(index, medicine, taken, true));
      add(duplicateAlert(index, medicine, taken, true));
    }
    for (const other of proposed.slice(position + 1)) {
      add(interactionAlert(index, medicine, other, false));
      add(duplicateAlert(index, medicine, other, false));
    }
  });
  return alerts;
}
