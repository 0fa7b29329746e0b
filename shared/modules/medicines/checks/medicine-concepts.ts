import { conceptName } from '../knowledge/interaction-record.ts';
import { conceptKey, type ConceptKey, type KnowledgeIndex } from '../knowledge/knowledge-index.ts';
import type { DoseAmount } from '../product.ts';

/** What the checks need of a catalogue product. */
export type MedicineForCheck = {
  readonly productId: string;
  /** How messages name it: "Amoxicillin 500 mg capsule". */
  readonly label: string;
  readonly genericName: string;
  readonly ingredients: readonly string[];
  readonly atcCode: string;
  readonly therapeuticClass: string;
  readonly strength: DoseAmount | null;
  readonly maxDailyDose: DoseAmount | null;
};

/** A medicine's ingredients and classes, and both as index keys. */
export type MedicineConcepts = {
  readonly medicine: MedicineForCheck;
  readonly ingredients: readonly string[];
  readonly classes: readonly string[];
  readonly keys: readonly ConceptKey[];
};

function classOfAtc(index: KnowledgeIndex, atcCode: string): string | null {
  if (atcCode === '') return null;
  const code = atcCode.toUpperCase();
  for (const [prefix, name] of index.classesByAtcPrefix) if (code.startsWith(prefix)) return name;
  return null;
}

function classOfWords(index: KnowledgeIndex, words: string): string | null {
  if (words === '') return null;
  const named = index.allergyTerms.get(conceptName(words)) ?? [];
  const found = named.find((key) => key.startsWith('C:'));
  return found === undefined ? null : found.slice(2);
}

/**
 * A medicine's ingredients (its generic name when none are listed) and its classes: those of its
 * ingredients, of its ATC code, and of the class written on it when the knowledge base knows it.
 */
export function conceptsOf(index: KnowledgeIndex, medicine: MedicineForCheck): MedicineConcepts {
  const ingredients = [...new Set((medicine.ingredients.length > 0 ? medicine.ingredients : [medicine.genericName]).map(conceptName))];
  const classes = new Set<string>();
  for (const ingredient of ingredients) for (const name of index.classesByIngredient.get(ingredient) ?? []) classes.add(name);
  const ofAtc = classOfAtc(index, medicine.atcCode);
  if (ofAtc !== null) classes.add(ofAtc);
  const written = classOfWords(index, medicine.therapeuticClass);
  if (written !== null) classes.add(written);
  const classList = [...classes];
  return {
    medicine,
    ingredients,
    classes: classList,
    keys: [...ingredients.map((name) => conceptKey('INGREDIENT', name)), ...classList.map((name) => conceptKey('CLASS', name))],
  };
}

export function classLabel(index: KnowledgeIndex, name: string): string {
  return index.classLabels.get(name) ?? name;
}
