import { z } from 'zod';

/**
 * What is known of a patient's allergies. "Not recorded" and "no known allergies" must never look
 * alike: the second is a statement someone made (and is kept with who made it and when), the
 * first means nobody asked yet.
 */
export const allergyStatuses = ['NOT_RECORDED', 'NONE_KNOWN', 'LISTED'] as const;
export const allergyStatusSchema = z.enum(allergyStatuses, { error: 'Choose whether allergies are not recorded, none known, or listed' });
export type AllergyStatus = z.infer<typeof allergyStatusSchema>;

export const allergyStatusLabels: Readonly<Record<AllergyStatus, string>> = {
  NOT_RECORDED: 'Not recorded',
  NONE_KNOWN: 'No known allergies',
  LISTED: 'Has allergies',
};

/**
 * The status a registration or edit means: the one chosen, or, when a caller names none (an
 * older caller, an import), "listed" if allergies are given and otherwise "not recorded" —
 * never "none known", which only a person can state.
 */
export function allergyStatusOf(details: { allergyStatus?: AllergyStatus | undefined; allergies: readonly unknown[] }): AllergyStatus {
  return details.allergyStatus ?? (details.allergies.length > 0 ? 'LISTED' : 'NOT_RECORDED');
}

/** Why a status and a list cannot go together, for the status field; null when they can. */
export function allergyStatusProblem(details: { allergyStatus?: AllergyStatus | undefined; allergies: readonly unknown[] }): string | null {
  const status = allergyStatusOf(details);
  if (status === 'LISTED' && details.allergies.length === 0) return 'Add at least one allergy, or choose another answer';
  if (status !== 'LISTED' && details.allergies.length > 0) return `Remove the listed allergies, or choose "${allergyStatusLabels.LISTED}"`;
  return null;
}

/**
 * What the record shows. Allergy rows come from sync separately from the patient's status, so a
 * listed allergy always wins (an edit elsewhere that said "none known" cannot hide one), and a
 * "listed" status whose rows were all removed shows as not recorded.
 */
export function shownAllergyStatus(stored: AllergyStatus, liveAllergies: number): AllergyStatus {
  if (liveAllergies > 0) return 'LISTED';
  return stored === 'LISTED' ? 'NOT_RECORDED' : stored;
}
