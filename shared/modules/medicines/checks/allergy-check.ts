import { conceptName } from '../knowledge/interaction-record.ts';
import type { ConceptKey, KnowledgeIndex } from '../knowledge/knowledge-index.ts';
import { needsOverride, raisedSeverity, severityRank, type AlertSeverity, type PrescriptionAlert } from './alerts.ts';
import { classLabel, type MedicineConcepts } from './medicine-concepts.ts';

/** An allergy as the patient's record holds it (patient_allergies): free text and how bad the reaction was. */
export type RecordedAllergy = { readonly substance: string; readonly severity: 'MILD' | 'MODERATE' | 'SEVERE' | 'UNKNOWN' };

type AllergyConcepts = { readonly allergy: RecordedAllergy; readonly ingredients: readonly string[]; readonly classes: readonly string[] };

/**
 * What an allergy's words name: every run of one to a few words that is a known ingredient,
 * class, brand or everyday name ("allergic to Augmentin (rash)" names amoxicillin).
 */
function conceptsOfAllergy(index: KnowledgeIndex, allergy: RecordedAllergy): AllergyConcepts {
  const words = conceptName(allergy.substance)
    .replace(/[^a-z0-9\- ]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '');
  const keys = new Set<ConceptKey>();
  for (let start = 0; start < words.length; start += 1) {
    for (let length = Math.min(index.longestAllergyTermWords, words.length - start); length >= 1; length -= 1) {
      for (const key of index.allergyTerms.get(words.slice(start, start + length).join(' ')) ?? []) keys.add(key);
    }
  }
  const ingredients = [...keys].filter((key) => key.startsWith('I:')).map((key) => key.slice(2));
  const classes = new Set([...keys].filter((key) => key.startsWith('C:')).map((key) => key.slice(2)));
  return { allergy, ingredients, classes: [...classes] };
}

function allergyWords(allergy: RecordedAllergy): string {
  const severity = allergy.severity === 'UNKNOWN' ? '' : `, ${allergy.severity.toLowerCase()} reaction`;
  return `“${allergy.substance}”${severity}`;
}

const avoidAdvice = 'Do not give unless the allergy record is wrong; choose a medicine of another class. If it must be given, record why.';

function allergyAlert(medicine: MedicineConcepts, allergy: RecordedAllergy, kind: 'ALLERGY' | 'CROSS_SENSITIVITY', severity: AlertSeverity, message: string, advice: string): PrescriptionAlert {
  return {
    id: `${kind}:${medicine.medicine.productId}:${conceptName(allergy.substance)}`,
    kind,
    severity,
    productId: medicine.medicine.productId,
    otherProductId: null,
    message,
    advice,
    needsOverride: needsOverride(severity),
  };
}

/** The strongest finding of one allergy against one medicine: the ingredient itself, its class, or a related class. */
function checkOne(index: KnowledgeIndex, medicine: MedicineConcepts, found: AllergyConcepts): PrescriptionAlert | null {
  const { allergy } = found;
  const direct: AlertSeverity = allergy.severity === 'SEVERE' ? 'CONTRAINDICATED' : 'SEVERE';
  const label = medicine.medicine.label;
  const ingredient = found.ingredients.find((name) => medicine.ingredients.includes(name));
  if (ingredient !== undefined) return allergyAlert(medicine, allergy, 'ALLERGY', direct, `${label} contains ${ingredient}. The patient is recorded as allergic to ${allergyWords(allergy)}.`, avoidAdvice);
  const namedClass = found.classes.find((name) => medicine.classes.includes(name));
  if (namedClass !== undefined) return allergyAlert(medicine, allergy, 'ALLERGY', direct, `${label} is one of the ${classLabel(index, namedClass)}. The patient is recorded as allergic to ${allergyWords(allergy)}.`, avoidAdvice);
  // An allergy to one member warns of its class: a penicillin allergy is recorded as "amoxicillin" as often as not.
  for (const allergen of found.ingredients) {
    const shared = (index.classesByIngredient.get(allergen) ?? []).find((name) => index.duplicateClasses.has(name) && medicine.classes.includes(name));
    if (shared !== undefined) return allergyAlert(medicine, allergy, 'ALLERGY', 'SEVERE', `${label} is one of the ${classLabel(index, shared)}, like ${allergen}. The patient is recorded as allergic to ${allergyWords(allergy)}.`, avoidAdvice);
  }
  const allergyClasses = new Set([...found.classes, ...found.ingredients.flatMap((name) => index.classesByIngredient.get(name) ?? [])]);
  let strongest: PrescriptionAlert | null = null;
  for (const allergyClass of allergyClasses) {
    for (const cross of index.crossSensitivities.get(allergyClass) ?? []) {
      if (!medicine.classes.includes(cross.reactsWith)) continue;
      const severity = allergy.severity === 'SEVERE' ? raisedSeverity(cross.severity) : cross.severity;
      const alert = allergyAlert(medicine, allergy, 'CROSS_SENSITIVITY', severity, `${label} is one of the ${classLabel(index, cross.reactsWith)}. The patient is recorded as allergic to ${allergyWords(allergy)}. ${cross.message}`, cross.advice);
      if (strongest === null || severityRank(alert.severity) > severityRank(strongest.severity)) strongest = alert;
    }
  }
  return strongest;
}

/** Each recorded allergy against each medicine being prescribed. */
export function allergyAlerts(index: KnowledgeIndex, proposed: readonly MedicineConcepts[], allergies: readonly RecordedAllergy[]): PrescriptionAlert[] {
  const found = allergies.map((allergy) => conceptsOfAllergy(index, allergy));
  const alerts: PrescriptionAlert[] = [];
  for (const medicine of proposed) {
    for (const allergy of found) {
      const alert = checkOne(index, medicine, allergy);
      if (alert !== null) alerts.push(alert);
    }
  }
  return alerts;
}
