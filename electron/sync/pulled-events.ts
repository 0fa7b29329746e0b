import type { ClinicId } from '#shared/domain/ids.ts';
import type Database from 'better-sqlite3';
import type { PulledFromHub } from '#shared/api/events.ts';
import type { EventBus } from '../platform/events.ts';

/** The call named in the events of what a pull wrote. */
export const PULLED_CALL: PulledFromHub = 'sync.pull';

/** Screens refresh with the rows a pull, a comparison or a renaming of provisional references wrote: every clinic's, and those working in none. */
export function announcePulledRows(sqlite: Database.Database, events: EventBus): void {
  const clinics = new Set<ClinicId | null>([null]);
  for (const clinic of sqlite.prepare(`select id from clinics`).pluck().all() as ClinicId[]) clinics.add(clinic);
  for (const clinicId of clinics) events.publish({ type: 'data.changed', call: PULLED_CALL, clinicId }, { clinicId });
}
