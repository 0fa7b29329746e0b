import type { UserId } from '#shared/domain/ids.ts';
import type { AllergyStatus } from '#shared/modules/patients/allergy-status.ts';
import type { PatientRow } from './tables.ts';

type Statement = Pick<PatientRow, 'allergyStatus' | 'allergiesStatedBy' | 'allergiesStatedAt'>;

/**
 * The status columns a registration or an edit writes. "No known allergies" is a statement: it
 * keeps who made it and when, and an edit that leaves it standing keeps the original author and
 * time (saving an address does not re-state the allergies). Any other status carries no author.
 */
export function allergyStatementColumns(status: AllergyStatus, before: Statement | null, statedBy: UserId, nowIso: string): Statement {
  if (status !== 'NONE_KNOWN') return { allergyStatus: status, allergiesStatedBy: null, allergiesStatedAt: null };
  if (before !== null && before.allergyStatus === 'NONE_KNOWN' && before.allergiesStatedAt !== null) return { allergyStatus: status, allergiesStatedBy: before.allergiesStatedBy, allergiesStatedAt: before.allergiesStatedAt };
  return { allergyStatus: status, allergiesStatedBy: statedBy, allergiesStatedAt: nowIso };
}
