import { holdsAnyRole, type Role } from '#shared/domain/roles.ts';
import { todayIn } from '../format/time.ts';
import { useAppStore } from './store.ts';

/** The active clinic's zone; screens only render inside a chosen clinic. */
export function useClinicZone(): string {
  return useAppStore((state) => state.session?.activeClinic?.timeZone ?? 'UTC');
}

export function useClinicToday(): string {
  return todayIn(useClinicZone());
}

const NO_ROLES: readonly Role[] = [];

/** The signed-in person's roles in the active clinic: what they may do is the union of these. */
export function useRoles(): readonly Role[] {
  return useAppStore((state) => state.session?.activeClinic?.roles ?? NO_ROLES);
}

/** Whether any of the signed-in person's roles here is one of these. */
export function useHasRole(...allowed: Role[]): boolean {
  return holdsAnyRole(useRoles(), allowed);
}

/** Whether the signed-in person may register, book and run the queue. */
export function useIsFrontDesk(): boolean {
  return useHasRole('ADMIN', 'STAFF');
}
