import { formatHlc } from '#shared/sync/hlc.ts';
import type { FeedChange } from '#shared/sync/protocol.ts';
import type { SyncValue } from '#shared/sync/merge.ts';
import type { Harness } from './core-harness.ts';
import { patientInput, START_MS } from './core-harness.ts';

// Changes to patients as the hub's feed brings them from another desk, for tests that apply pages directly.

const OTHER_DESK = 'other-desk';

/** A stamp of the other desk, offset ms after a minute past the harness's start. */
export function otherDeskStamp(offset: number): string {
  return formatHlc({ wallMs: START_MS + 60_000 + offset, counter: 0, node: OTHER_DESK });
}

export function patientChange(kind: 'insert' | 'update', id: string, columns: Record<string, SyncValue>, offset: number, clock: Record<string, string> | null = null): FeedChange {
  return { table: 'patients', id, kind, columns, hlc: otherDeskStamp(offset), clock, origin: OTHER_DESK };
}

/** A patient registered here, and its stored row without its clock, for whole rows another desk would send. */
export async function registeredPatientRow(harness: Harness, token: string, names: { givenName: string; familyName: string; phone?: string }): Promise<{ id: string; row: Record<string, SyncValue> }> {
  const here = await harness.call('patients.register', { ...patientInput(names), notADuplicate: false }, token);
  const stored = harness.core.database.sqlite.prepare(`select * from patients where id = ?`).get(here.id) as Record<string, SyncValue>;
  const { sync_clock: _clock, ...row } = stored;
  return { id: here.id, row };
}
