import type { DeviceId } from '#shared/domain/ids.ts';
import { formatReference, isReferenceSeries, parseProvisionalReference } from '#shared/domain/reference-numbers.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { takeNumber } from '../references/number-blocks.ts';
import { markProvisionalSettled, waitingProvisionals, type WaitingProvisional } from '../references/provisional.ts';
import { referenceRenamer } from './participants.ts';

/** Renames per local transaction: each transaction goes up whole, so thousands stay a few pushes. */
const RENAMES_PER_TRANSACTION = 500;

type Outcome = 'renamed' | 'noNumber' | 'skipped';

function renameOne(tx: Db, waiting: WaitingProvisional, deviceId: DeviceId, nowMs: number): Outcome {
  const parts = parseProvisionalReference(waiting.reference);
  const renamer = referenceRenamer(waiting.series);
  if (parts?.clinicCode == null || !isReferenceSeries(waiting.series) || renamer === undefined) return 'skipped';
  const number = takeNumber(tx, { clinicId: waiting.clinicId, series: waiting.series, deviceId, nowMs });
  if (number === null) return 'noNumber';
  const leased = formatReference(parts.clinicCode, waiting.series, number);
  const row = renamer.rename(tx, { provisional: waiting.reference, leased, nowMs });
  // A row that no longer holds it leaves a gap in the numbers, as a cancelled write would.
  markProvisionalSettled(tx, waiting.reference, row === null ? null : leased, nowMs);
  if (row !== null) {
    recordAudit(tx, { atMs: nowMs, deviceId, userId: null, clinicId: waiting.clinicId, action: 'references.renamed', outcome: 'SUCCESS', entityType: row.entityType, entityId: row.entityId, detail: { from: waiting.reference, to: leased } });
  }
  return 'renamed';
}

/**
 * Gives each provisional reference this workstation handed out a leased number, oldest first,
 * as far as its blocks go: the rows change like any edit, so the new references reach the hub
 * and the other workstations with the next push, while the provisional ones stay on the rows for
 * search. Returns how many were renamed.
 */
export function renameProvisionalReferences(db: Db, deviceId: DeviceId, nowMs: number): number {
  let renamed = 0;
  for (;;) {
    const batch = waitingProvisionals(db, RENAMES_PER_TRANSACTION);
    if (batch.length === 0) return renamed;
    let stuck = 0;
    db.transaction((tx) => {
      for (const waiting of batch) {
        const outcome = renameOne(tx, waiting, deviceId, nowMs);
        if (outcome === 'renamed') renamed += 1;
        else stuck += 1;
      }
    });
    // What is left waits for the next lease (or for a module that renames its series).
    if (stuck > 0) return renamed;
  }
}
