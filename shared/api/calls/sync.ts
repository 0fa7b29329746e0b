import { z } from 'zod';
import { uuidSchema } from '../../domain/fields.ts';
import { referenceSeries } from '../../domain/reference-numbers.ts';
import { conflictKinds, conflictResolutionActions, type ConflictKind, type ConflictResolutionAction } from '../../modules/registry.ts';
import { defineCall, publicAccess, rolesAccess } from '../define.ts';

export const syncStates = ['standalone', 'connecting', 'bootstrapping', 'online', 'offline', 'error', 'reenrol'] as const;

/** The last comparison of this workstation's data with the hub's: when, whether equal, and what it set right. */
export const lastCheckSchema = z.object({ at: z.string(), equal: z.boolean(), rowsMended: z.number(), rowsResent: z.number() });

/** How well a workstation a hub leases numbers to is stocked with them, per series of references. */
export const referenceSupplySchema = z.object({
  series: z.enum(Object.values(referenceSeries)),
  /** Leased numbers not yet used. */
  remaining: z.number(),
  /** References a day this workstation gave out lately. */
  perDay: z.number(),
  /** References given out provisionally, waiting for a leased number. */
  waiting: z.number(),
  /** Fewer than a week's numbers left at that rate, or some already provisional. */
  low: z.boolean(),
});
export type ReferenceSupply = z.infer<typeof referenceSupplySchema>;

export const syncStatusSchema = z.object({
  state: z.enum(syncStates),
  hubUrl: z.string().nullable(),
  /** Changes made here and not yet acknowledged by the hub. */
  pendingChanges: z.number(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  openConflicts: z.number(),
  rejections: z.number(),
  /** Whether the hub's live pokes reach this workstation (otherwise it polls). */
  live: z.boolean(),
  /** Rows loaded of rows to load, while a joining workstation loads its clinic. */
  bootstrap: z.object({ done: z.number(), total: z.number() }).nullable(),
  lastCheck: lastCheckSchema.nullable(),
  /** Empty while standalone: a workstation alone leases its own numbers and never runs out. */
  referenceNumbers: z.array(referenceSupplySchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const hubUrlSchema = z
  .string({ error: 'Hub address is required' })
  .trim()
  .min(1, { error: 'Hub address is required' })
  .max(300)
  .refine((value) => /^https?:\/\/[^\s/]+(:\d+)?(\/.*)?$/i.test(value), { error: 'Hub address must look like https://hub.example.org or http://192.168.1.10:5290' });
const enrolmentCodeSchema = z
  .string({ error: 'Enrolment code is required' })
  .trim()
  .toUpperCase()
  .min(6, { error: 'Enrolment code is required' })
  .max(64);

export { conflictKinds, type ConflictKind } from '../../modules/registry.ts';

export function isConflictKind(kind: string): kind is ConflictKind {
  return (conflictKinds as readonly string[]).includes(kind);
}
export const conflictRowSchema = z.object({ id: z.string(), label: z.string(), detail: z.string() });
export const conflictSchema = z.object({
  id: z.string(),
  kind: z.enum(conflictKinds),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string(),
  rows: z.array(conflictRowSchema),
});
export type SyncConflict = z.infer<typeof conflictSchema>;

const keepBothAction = z.object({ kind: z.literal('keepBoth') }).strict();

/** How a person resolves a conflict: one of its module's actions, or keeping both records. */
export const conflictActionSchema = z.discriminatedUnion('kind', [keepBothAction, ...conflictResolutionActions] as [typeof keepBothAction, ...ConflictResolutionAction[]]);
export type ConflictAction = z.infer<typeof conflictActionSchema>;

export const syncCalls = {
  'sync.status': defineCall({ access: rolesAccess('ADMIN', 'STAFF', 'DOCTOR', 'PHARMACIST'), effect: 'read', whileLocked: true, input: z.object({}).strict(), output: syncStatusSchema }),
  'sync.now': defineCall({ access: rolesAccess('ADMIN', 'STAFF', 'DOCTOR', 'PHARMACIST'), effect: 'read', input: z.object({}).strict(), output: syncStatusSchema }),
  /** Syncs, then compares this workstation's data with the hub's and sets right what differs (SYNC.md §10). */
  'sync.compare': defineCall({ access: rolesAccess('ADMIN'), effect: 'read', input: z.object({}).strict(), output: syncStatusSchema }),
  /** Connects this (first) workstation of a clinic to a hub; its data goes up. */
  'sync.connect': defineCall({ access: rolesAccess('ADMIN'), effect: 'write', input: z.object({ hubUrl: hubUrlSchema, code: enrolmentCodeSchema }).strict(), output: syncStatusSchema }),
  /** A new workstation joins an existing clinic: only before any clinic exists here. */
  'sync.join': defineCall({ access: publicAccess, effect: 'write', input: z.object({ hubUrl: hubUrlSchema, code: enrolmentCodeSchema }).strict(), output: syncStatusSchema }),
  'sync.createJoinCode': defineCall({ access: rolesAccess('ADMIN'), effect: 'write', input: z.object({}).strict(), output: z.object({ code: z.string(), expiresAt: z.string() }) }),
  'sync.pending': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'read',
    input: z.object({}).strict(),
    output: z.object({ changes: z.array(z.object({ table: z.string(), rowId: z.string(), kind: z.string(), stampedAt: z.string() })), total: z.number() }),
  }),
  'sync.conflicts': defineCall({ access: rolesAccess('ADMIN', 'STAFF', 'DOCTOR'), effect: 'read', input: z.object({ includeResolved: z.boolean().default(false) }).strict(), output: z.object({ conflicts: z.array(conflictSchema) }) }),
  'sync.resolveConflict': defineCall({ access: rolesAccess('ADMIN', 'STAFF'), effect: 'write', input: z.object({ conflictId: uuidSchema, action: conflictActionSchema }).strict(), output: conflictSchema }),
  'sync.rejections': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'read',
    input: z.object({}).strict(),
    output: z.object({ rejections: z.array(z.object({ id: z.number(), code: z.string(), message: z.string(), rejectedAt: z.string(), changes: z.number(), tables: z.array(z.string()) })) }),
  }),
  'sync.dismissRejection': defineCall({ access: rolesAccess('ADMIN'), effect: 'write', input: z.object({ rejectionId: z.number().int() }).strict(), output: z.object({ dismissed: z.literal(true) }) }),
};
