import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { PushResponse } from '#shared/sync/protocol.ts';
import { isoAt, type Clock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import type { HubIdentityTracker } from './hub-identity.ts';
import { pendingTransactions, recordPushResponse, type OutgoingTx } from './outbox.ts';
import { sentAhead } from './sent-ahead.ts';
import type { SyncSettings } from './settings.ts';
import type { HubTransport } from './transport.ts';

const log = createLogger('sync');

export const PUSH_MAX_OPS = 2_000;

export type PushLoopDeps = {
  readonly sqlite: Database.Database;
  readonly clock: Clock;
  readonly hub: HubIdentityTracker;
};

/** Waits for a request sent ahead whose answer is no longer wanted (the hub recognises its batch when it comes again). */
async function settled(sent: { answer: Promise<unknown> } | null): Promise<null> {
  await sent?.answer.catch(() => undefined);
  return null;
}

/** The push: what waits in the outbox goes up to the hub (SYNC.md §4). */
export class PushLoop {
  constructor(private readonly deps: PushLoopDeps) {}

  /**
   * Sends the waiting transactions batch after batch. While the hub applies one batch the next is
   * already on its way, so this workstation reads its outbox and the hub parses a batch while the
   * hub's database writes the one before. The answers are read in order; an answer to the batch
   * ahead that the hub gave before applying the one before it (it found a gap and changed nothing)
   * is passed over, and the batch goes again.
   */
  async run(settings: SyncSettings, transport: HubTransport): Promise<void> {
    const { sqlite, hub } = this.deps;
    type Sent = { txs: OutgoingTx[]; answer: Promise<PushResponse> };
    const send = (txs: OutgoingTx[], gapAccepted: boolean): Sent => {
      return { txs, answer: sentAhead(transport.push(settings.credential, gapAccepted ? { txs, gapAccepted } : { txs })) };
    };
    let gapAccepted = false;
    let ahead: Sent | null = null;
    let answeredThrough = -1;
    /** The batch sent ahead went too soon: wait it out, and go on one batch at a time. */
    const oneAtATime = async (): Promise<void> => {
      ahead = await settled(ahead);
      answeredThrough = -1;
    };
    for (let round = 0; round < 10_000; round += 1) {
      let current: Sent | null = ahead;
      ahead = null;
      if (current === null) {
        const txs = pendingTransactions(sqlite, PUSH_MAX_OPS);
        if (txs.length === 0) return;
        current = send(txs, gapAccepted);
      }
      const first = current.txs[0]?.seq ?? 0;
      const last = current.txs[current.txs.length - 1]?.seq ?? 0;
      if (!gapAccepted) {
        const next = pendingTransactions(sqlite, PUSH_MAX_OPS, last);
        if (next.length > 0) {
          ahead = send(next, false);
          // Let the request leave before this thread is busy again.
          await nextTurn();
        }
      }
      const response = await current.answer;
      if (response.appliedThrough < answeredThrough) {
        // Answered before the batch in front of it was applied: nothing changed at the hub. The
        // batch after it found the same gap; both go again, one at a time.
        await oneAtATime();
        continue;
      }
      answeredThrough = response.appliedThrough;
      if (hub.observe(response, response.appliedThrough)) {
        await oneAtATime();
        continue;
      }
      const ackedBefore = hub.ackedThrough();
      recordPushResponse(sqlite, current.txs, response, isoAt(this.deps.clock.now()));
      hub.noteProgress(ackedBefore, response.appliedThrough);
      // The hub waits for transactions before these; when even the reopened outbox starts no
      // earlier, they are gone from here too (kept only RETAIN_ACKED_MS), and the hub is told so.
      gapAccepted = response.appliedThrough < first - 1 && (pendingTransactions(sqlite, 1)[0]?.seq ?? first) >= first;
      if (gapAccepted) log.warn('the hub lost changes this workstation no longer keeps; going on without them', { appliedThrough: response.appliedThrough, first });
      if (response.appliedThrough < last || gapAccepted) {
        // Not all of this batch went in: the one ahead was sent too soon.
        await oneAtATime();
      }
    }
  }
}
