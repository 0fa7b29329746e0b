import { z } from 'zod';
import { isFeedChanges, isSnapshotPage, pushTxsProblem } from './bulk-checks.ts';
import type { SyncValue } from './merge.ts';

/** Client and hub agree on this; a client with another version is told to update (SYNC.md §9). */
export const SYNC_PROTOCOL_VERSION = 2;
export const PROTOCOL_HEADER = 'x-clinic-sync-protocol';

const syncValue = z.union([z.string().max(100_000), z.number(), z.null()]);
const hlc = z.string().regex(/^[0-9a-z]{9}\.[0-9a-z]{4}\.[0-9a-z]{1,16}$/, { error: 'not a clock stamp' });
const rowId = z.string().min(1).max(80);

export const changeOpSchema = z
  .object({
    table: z.string().min(1).max(64),
    id: rowId,
    kind: z.enum(['insert', 'update']),
    columns: z.record(z.string().min(1).max(64), syncValue),
  })
  .strict();
export type ChangeOp = z.infer<typeof changeOpSchema>;

/** One local transaction: the hub applies all of it or none (SYNC.md §4). */
export const pushTxSchema = z
  .object({
    seq: z.number().int().min(1),
    hlc,
    ops: z.array(changeOpSchema).min(1).max(5_000),
  })
  .strict();
export type PushTx = z.infer<typeof pushTxSchema>;

export const pushRequestSchema = z
  .object({
    /** Checked as pushTxSchema says, by hand: a catch-up push holds thousands of changes. */
    txs: z.custom<PushTx[]>().superRefine((value, context) => {
      const problem = pushTxsProblem(value);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem.message, path: [...problem.path] });
    }),
    /**
     * The hub applies a device's transactions without gaps: a gap means it lost some (restored
     * from an older backup) and the device sends them again. Only when the device no longer
     * holds them does it say so here, and the hub goes on from the first one sent.
     */
    gapAccepted: z.boolean().optional(),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const hubIdentitySchema = z.object({
  hubId: z.string(),
  epoch: z.number(),
  hubTime: z.number(),
  /**
   * The hub database's next transaction id. It only grows, so a smaller one than seen before
   * means the hub was restored from an older backup, even when nobody said so (SYNC.md §9).
   */
  position: z.string().regex(/^\d{1,20}$/).optional(),
});
export type HubIdentity = z.infer<typeof hubIdentitySchema>;

export const pushResponseSchema = hubIdentitySchema.extend({
  /** The last transaction of this device the hub holds, applied or rejected. */
  appliedThrough: z.number(),
  rejected: z.array(z.object({ seq: z.number(), code: z.string(), message: z.string() })),
  /** Transactions whose stamps ran too far ahead of the hub's clock, with the stamp they now carry. */
  restamped: z.array(z.object({ seq: z.number(), hlc })),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const feedChangeSchema = z.object({
  table: z.string(),
  id: z.string(),
  kind: z.enum(['insert', 'update']),
  columns: z.record(z.string(), syncValue),
  hlc,
  /** Per-column clocks, when a whole row is sent to a clinic that just started seeing it. */
  clock: z.record(z.string(), z.string()).nullable(),
  origin: z.string(),
});
export type FeedChange = z.infer<typeof feedChangeSchema>;

export const pullRequestSchema = z
  .object({
    cursor: z.string().max(64).nullable(),
    /** One of the device's clinics; all of them when absent. */
    clinicId: z.string().max(80).optional(),
    limit: z.number().int().min(1).max(10_000).default(2_000),
  })
  .strict();

export const pullResponseSchema = hubIdentitySchema.extend({
  /** Checked as feedChangeSchema says, by hand: a page holds thousands. */
  changes: z.custom<FeedChange[]>(isFeedChanges, { error: 'The hub sent changes that are not valid.' }),
  cursor: z.string().nullable(),
  more: z.boolean(),
  /** The newest position of this clinic's feed: a client whose cursor is past it knows the hub went back in time. */
  head: z.string().nullable(),
  /** This device's last transaction the hub holds, so a workstation notices a hub that lost some. */
  appliedThrough: z.number(),
  /** The hub no longer holds the change at the cursor (restored from an older backup): read the feed anew. */
  cursorUnknown: z.literal(true).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** A first sync reads the current rows table by table, in resumable pages. */
export const snapshotStartResponseSchema = hubIdentitySchema.extend({
  cursor: z.string().nullable(),
  totals: z.record(z.string(), z.number()),
});
export const snapshotPageRequestSchema = z
  .object({
    table: z.string().max(64),
    after: z.string().max(80).nullable(),
    /** Stops at this key: a range read again after a comparison (SYNC.md §10). */
    through: z.string().max(80).nullable().optional(),
    limit: z.number().int().min(1).max(20_000).default(5_000),
  })
  .strict();
/**
 * A page of a first sync. The columns are named once and each row is its values in their order,
 * with its per-column clocks alongside: half the text of an object per row, for the hub to write
 * and the workstation to read. Checked by hand: a page holds thousands.
 */
export const snapshotPageResponseSchema = z.custom<{ columns: string[]; rows: SyncValue[][]; clocks: Record<string, string>[]; next: string | null }>(isSnapshotPage, {
  error: 'The hub sent rows that are not valid.',
});
export type SnapshotPage = z.infer<typeof snapshotPageResponseSchema>;

/** One row of a page as values by column. */
export function rowValues(columns: readonly string[], row: readonly SyncValue[]): Record<string, SyncValue> {
  return Object.fromEntries(columns.map((column, position) => [column, row[position] ?? null]));
}

/** A page's rows as values by column and clock, for code that takes rows one at a time. */
export function rowsOfPage(page: SnapshotPage): { values: Record<string, SyncValue>; clock: Record<string, string> }[] {
  return page.rows.map((row, index) => ({ values: rowValues(page.columns, row), clock: page.clocks[index] ?? {} }));
}

const tableDigest = z.object({ count: z.number().int().min(0), sum: z.string().regex(/^\d{1,40}$/) });
/** "Are we equal?" (SYNC.md §10): each table's digest, or one table's in ranges of keys. */
export const tableDigestsResponseSchema = hubIdentitySchema.extend({ tables: z.record(z.string(), tableDigest) });
export const tableRangesRequestSchema = z.object({ table: z.string().max(64) }).strict();
/** One table's digest in ranges of keys, in key order; the last range runs to the last key. */
export const tableRangesResponseSchema = z.object({ ranges: z.array(tableDigest.extend({ through: z.string().max(80).nullable() })).max(10_000) });

export const enrolRequestSchema = z
  .object({
    code: z.string().trim().min(6).max(64),
    /** The workstation's own device id; a workstation enrolling again takes a new one first. */
    deviceId: z.uuid(),
    deviceName: z.string().trim().min(1).max(80),
    databaseId: z.string().min(1).max(80),
    /** Sent by the first workstation of a clinic, which creates the clinic at the hub. */
    clinic: z.object({ id: z.string().min(1).max(80), code: z.string().regex(/^[A-Z]{3}\d{2}$/), organizationId: z.string().min(1).max(80) }).strict().nullable(),
  })
  .strict();
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = hubIdentitySchema.extend({
  deviceId: z.string(),
  credential: z.string(),
  clinicId: z.string(),
  clinicCode: z.string(),
  workstationNumber: z.number(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const leaseRequestSchema = z.object({ clinicId: z.string().max(80), series: z.string().regex(/^[A-Z]$/), size: z.number().int().min(100).max(100_000).default(1_000) }).strict();
export const leaseResponseSchema = z.object({ rangeStart: z.number(), rangeEnd: z.number() });
export type Lease = z.infer<typeof leaseResponseSchema>;

export const reportBlocksRequestSchema = z
  .object({ blocks: z.array(z.object({ clinicId: z.string().max(80), series: z.string().regex(/^[A-Z]$/), rangeStart: z.number().int(), rangeEnd: z.number().int() })).max(10_000) })
  .strict();

export const enrolmentCodeResponseSchema = z.object({ code: z.string(), expiresAt: z.string() });

/** Refusals carry a code the workstation acts on and a sentence a person can act on. */
export const hubErrorCodes = ['BAD_REQUEST', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UPDATE_REQUIRED', 'REENROL_REQUIRED', 'RATE_LIMITED', 'TOO_LARGE', 'INTERNAL'] as const;
export const hubErrorSchema = z.object({ error: z.object({ code: z.enum(hubErrorCodes), message: z.string() }) });
export type HubErrorCode = (typeof hubErrorCodes)[number];
