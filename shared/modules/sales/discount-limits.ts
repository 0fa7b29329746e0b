import type { Role } from '../../domain/roles.ts';

/**
 * The largest share of a sale's gross a role may give away in discounts, in basis points. A
 * person with several roles gets the largest of theirs; a role not listed gives none.
 */
export const saleDiscountLimitsBasisPoints: Readonly<Partial<Record<Role, number>>> = {
  PHARMACIST: 1_000,
  ADMIN: 10_000,
};

export function discountLimitOf(roles: readonly Role[]): number {
  return roles.reduce((limit, role) => Math.max(limit, saleDiscountLimitsBasisPoints[role] ?? 0), 0);
}
