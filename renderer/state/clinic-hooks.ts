import { todayIn } from '../format/time.ts';
import { useAppStore } from './store.ts';

/** The active clinic's zone; screens only render inside a chosen clinic. */
export function useClinicZone(): string {
  return useAppStore((state) => state.session?.activeClinic?.timeZone ?? 'UTC');
}

export function useClinicToday(): string {
  return todayIn(useClinicZone());
}

export function useRole() {
  return useAppStore((state) => state.session?.activeClinic?.role ?? null);
}

/** Whether the signed-in role may register, book and run the queue. */
export function useIsFrontDesk(): boolean {
  const role = useRole();
  return role === 'ADMIN' || role === 'STAFF';
}
