import { z } from 'zod';

export const roles = ['ADMIN', 'DOCTOR', 'STAFF', 'PHARMACIST'] as const;
export const roleSchema = z.enum(roles, { error: 'Choose a role: administrator, doctor, front desk or pharmacist' });
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Readonly<Record<Role, string>> = {
  ADMIN: 'Administrator',
  DOCTOR: 'Doctor',
  STAFF: 'Front desk',
  PHARMACIST: 'Pharmacist',
};

/** A person's roles in one clinic, each once, in the order of `roles` (so screens and tests read them alike). */
export function orderedRoles(held: Iterable<Role>): Role[] {
  const set = new Set(held);
  return roles.filter((role) => set.has(role));
}

/** Whether any of a person's roles in a clinic is one of those allowed: role checks take the union. */
export function holdsAnyRole(held: readonly Role[], allowed: readonly Role[]): boolean {
  return held.some((role) => allowed.includes(role));
}

/** "Administrator · Doctor": a person's roles in one clinic, in words. */
export function roleNames(held: readonly Role[]): string {
  return orderedRoles(held).map((role) => roleLabels[role]).join(' · ');
}
