import { z } from 'zod';
import { syncStatusSchema } from './calls/sync.ts';
import { callNames, type CallName } from './contract.ts';

/**
 * Rows a pull of the hub's changes wrote are announced under this name: no call of the contract
 * wrote them, and a listener tells them apart (sync does not push them back).
 */
export const pulledFromHubSchema = z.literal('sync.pull');
export type PulledFromHub = z.infer<typeof pulledFromHubSchema>;

/** What wrote the rows a data.changed event announces. */
export type DataChangeOrigin = CallName | PulledFromHub;

/** What the core pushes to screens. Carries names and ids only, never a record's content. */
export const serverEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('data.changed'), call: z.union([z.enum(callNames), pulledFromHubSchema]), clinicId: z.string().nullable() }),
  z.object({ type: z.literal('session.ended') }),
  z.object({ type: z.literal('sync.status'), status: syncStatusSchema }),
  /** To a waiting-room screen, whose stream carries nothing else: its clinic's queue may have changed. */
  z.object({ type: z.literal('board.changed') }),
]);
export type ServerEvent = z.infer<typeof serverEventSchema>;

/** The writes after which a waiting-room board is drawn again. */
export const queueBoardCalls: ReadonlySet<DataChangeOrigin> = new Set<CallName>([
  'queue.checkIn',
  'queue.addWalkIn',
  'queue.call',
  'queue.start',
  'queue.finish',
  'queue.requeue',
  'queue.markLeft',
  'queue.setPriority',
  'appointments.book',
  'appointments.reschedule',
  'appointments.cancel',
  'appointments.markNoShows',
]);

/** The writes that may change a user's account or clinic, after which a screen reads its session again. */
export const sessionChangingCalls: ReadonlySet<DataChangeOrigin> = new Set<CallName>(['clinic.update', 'users.create', 'users.update', 'users.grantRole', 'users.revokeRole', 'users.setActive', 'users.resetPassword']);
