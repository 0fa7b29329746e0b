import type { AllergyTerm } from './allergy-terms.ts';
import type { CrossSensitivity } from './cross-sensitivity.ts';
import type { DrugClass } from './drug-classes.ts';
import { conceptName, type ConceptKind, type InteractionRecord } from './interaction-record.ts';

/** "I:warfarin" or "C:nsaids": an ingredient or a class, as the index keys them. */
export type ConceptKey = string;

export function conceptKey(kind: ConceptKind, name: string): ConceptKey {
  return `${kind === 'INGREDIENT' ? 'I' : 'C'}:${conceptName(name)}`;
}

export type InteractionFact = Pick<InteractionRecord, 'severity' | 'effect' | 'advice' | 'source'> & { readonly first: ConceptKey; readonly second: ConceptKey };

/**
 * Everything the checks know, in maps keyed by ingredient or class so a check looks up each pair
 * of concepts of two medicines instead of scanning the knowledge base: the cost is the same with
 * a hundred pairs or a hundred thousand.
 */
export type KnowledgeIndex = {
  readonly classesByIngredient: ReadonlyMap<string, readonly string[]>;
  /** ATC prefixes with their class, longest first. */
  readonly classesByAtcPrefix: readonly (readonly [string, string])[];
  readonly classLabels: ReadonlyMap<string, string>;
  readonly duplicateClasses: ReadonlySet<string>;
  /** Allergy words (and ingredient and class names) to what they name. */
  readonly allergyTerms: ReadonlyMap<string, readonly ConceptKey[]>;
  readonly longestAllergyTermWords: number;
  readonly crossSensitivities: ReadonlyMap<string, readonly CrossSensitivity[]>;
  /** Facts by the pair of concepts, keyed in sorted order so either order finds them. */
  readonly interactions: ReadonlyMap<string, readonly InteractionFact[]>;
  readonly interactionCount: number;
};

export function pairKey(a: ConceptKey, b: ConceptKey): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, [value]);
  else held.push(value);
}

function singular(name: string): string | null {
  return name.endsWith('s') && name.length > 4 ? name.slice(0, -1) : null;
}

export type Knowledge = {
  readonly classes: readonly DrugClass[];
  readonly allergyTerms: readonly AllergyTerm[];
  readonly crossSensitivities: readonly CrossSensitivity[];
  readonly interactions: Iterable<InteractionRecord>;
};

export function buildKnowledgeIndex(knowledge: Knowledge): KnowledgeIndex {
  const classesByIngredient = new Map<string, string[]>();
  const classesByAtcPrefix: [string, string][] = [];
  const classLabels = new Map<string, string>();
  const duplicateClasses = new Set<string>();
  const terms = new Map<string, ConceptKey[]>();
  const addTerm = (term: string, key: ConceptKey) => {
    const held = terms.get(term);
    if (held === undefined) terms.set(term, [key]);
    else if (!held.includes(key)) held.push(key);
  };
  for (const drugClass of knowledge.classes) {
    const name = conceptName(drugClass.name);
    classLabels.set(name, drugClass.label);
    if (drugClass.duplicateTherapy) duplicateClasses.add(name);
    for (const prefix of drugClass.atcPrefixes) classesByAtcPrefix.push([prefix.toUpperCase(), name]);
    for (const member of drugClass.members) {
      push(classesByIngredient, conceptName(member), name);
      addTerm(conceptName(member), conceptKey('INGREDIENT', member));
    }
    addTerm(name, conceptKey('CLASS', name));
    addTerm(conceptName(drugClass.label), conceptKey('CLASS', name));
    const one = singular(name);
    if (one !== null) addTerm(one, conceptKey('CLASS', name));
  }
  classesByAtcPrefix.sort((a, b) => b[0].length - a[0].length);
  for (const term of knowledge.allergyTerms) addTerm(conceptName(term.term), conceptKey(term.kind, term.name));
  const crossSensitivities = new Map<string, CrossSensitivity[]>();
  for (const cross of knowledge.crossSensitivities) push(crossSensitivities, conceptName(cross.allergyClass), cross);
  const interactions = new Map<string, InteractionFact[]>();
  let interactionCount = 0;
  for (const record of knowledge.interactions) {
    const first = conceptKey(record.firstKind, record.firstName);
    const second = conceptKey(record.secondKind, record.secondName);
    push(interactions, pairKey(first, second), { first, second, severity: record.severity, effect: record.effect, advice: record.advice, source: record.source });
    addTerm(conceptName(record.firstName), first);
    addTerm(conceptName(record.secondName), second);
    interactionCount += 1;
  }
  let longestAllergyTermWords = 1;
  for (const term of terms.keys()) longestAllergyTermWords = Math.max(longestAllergyTermWords, term.split(' ').length);
  return { classesByIngredient, classesByAtcPrefix, classLabels, duplicateClasses, allergyTerms: terms, longestAllergyTermWords: Math.min(longestAllergyTermWords, 4), crossSensitivities, interactions, interactionCount };
}
