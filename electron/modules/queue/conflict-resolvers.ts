import { eq } from 'drizzle-orm';
import { notFoundError } from '#shared/api/errors.ts';
import { defineConflictResolver } from '../../api/conflict-resolvers.ts';
import { queueEntries } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { nextToken } from '../../references/tokens.ts';

export const renumberDuplicateToken = defineConflictResolver('renumberToken', ({ tx, clinicId, nowMs, involved }, action) => {
  involved(action.entryId);
  const entry = tx.select().from(queueEntries).where(eq(queueEntries.id, action.entryId)).get();
  if (entry === undefined) throw notFoundError('That queue entry is not on this workstation.');
  const token = nextToken(tx, clinicId, entry.serviceDate);
  tx.update(queueEntries).set({ token: token.token, tokenSeries: token.series, tokenNumber: token.number, updatedAt: isoAt(nowMs) }).where(eq(queueEntries.id, entry.id)).run();
  return `Token ${entry.token} became ${token.token}`;
});
