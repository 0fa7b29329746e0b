import { allergyTerms } from './allergy-terms.ts';
import { crossSensitivities } from './cross-sensitivity.ts';
import { drugClasses } from './drug-classes.ts';
import { buildKnowledgeIndex, type KnowledgeIndex } from './knowledge-index.ts';
import type { InteractionRecord } from './interaction-record.ts';

/** The index over the shipped classes, allergy words and cross-allergies, with these interaction pairs. */
export function knowledgeIndexWith(interactions: Iterable<InteractionRecord>): KnowledgeIndex {
  return buildKnowledgeIndex({ classes: drugClasses, allergyTerms, crossSensitivities, interactions });
}
