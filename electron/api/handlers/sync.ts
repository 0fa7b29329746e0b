import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { conflictError, notFoundError, validationError } from '#shared/api/errors.ts';
import type { ClinicId } from '#shared/domain/ids.ts';
import { clinicContextOf } from '../clinic-context.ts';
import { countClinics, organizationOfClinic } from '../../modules/clinics/index.ts';
import { syncConflicts, syncRejections } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import type { SyncSettings } from '../../sync/settings.ts';
import { HubRefusal, HubUnavailable } from '../../sync/transport.ts';
import type { CallContext, Handlers } from '../context.ts';

/** A conflict's rows as recorded: the ids of the rows in conflict. */
const conflictRowIdsSchema = z.array(z.string());

/** A refused push's changes as recorded: only their tables are shown. */
const refusedChangesSchema = z.array(z.looseObject({ table: z.string() }));

/**
 * Whether this workstation is linked to a hub for another organization than the caller's. The
 * link, what waits to go up through it and what the hub refused are the linked organization's: a
 * user of another organization whose clinic this workstation also holds sees a standalone one.
 */
function linkedForAnotherOrganization(ctx: CallContext, settings: SyncSettings | null): boolean {
  if (settings === null) return false;
  // The link keeps its clinic's id as stored text; it was a clinic's id when the hub enrolled it.
  const linked = organizationOfClinic(ctx.db, settings.clinicId as ClinicId);
  return linked === undefined || linked !== organizationOfClinic(ctx.db, clinicContextOf(ctx).clinicId);
}

/** The hub link, unless it is another organization's. */
function linkOfCallersOrganization(ctx: CallContext): SyncSettings | null {
  const settings = ctx.services.sync.settings();
  return linkedForAnotherOrganization(ctx, settings) ? null : settings;
}

const NOT_CONNECTED = 'Connect this workstation to a hub first.';

export const syncHandlers = {
  'sync.status': (ctx) => ctx.services.sync.status(),

  'sync.now': async (ctx) => ctx.services.sync.syncNow(),

  'sync.compare': async (ctx) => {
    await ctx.services.sync.compareNow();
    return ctx.services.sync.status();
  },

  'sync.connect': async (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    await ctx.services.sync.connectFirst({ hubUrl: input.hubUrl, code: input.code, clinicId: clinic.clinicId, clinicCode: clinic.code });
    ctx.write(() => null, { entityType: 'clinic', entityId: clinic.clinicId, detail: { connected: true } });
    ctx.services.sync.start();
    ctx.services.sync.requestSync(0);
    return ctx.services.sync.status();
  },

  'sync.join': async (ctx, input) => {
    if (countClinics(ctx.db) > 0) throw conflictError('This workstation already holds a clinic; only a new workstation can join one.');
    await ctx.services.sync.join(input);
    ctx.write(() => null, { entityType: 'device', entityId: ctx.deviceId, detail: { joined: true } });
    ctx.services.sync.start();
    ctx.services.sync.requestSync(0);
    return ctx.services.sync.status();
  },

  'sync.createJoinCode': async (ctx) => {
    const clinic = clinicContextOf(ctx);
    const settings = linkOfCallersOrganization(ctx);
    if (settings === null) throw conflictError(NOT_CONNECTED);
    // A join code admits a workstation to this workstation's clinic and all it holds: only from a session in that clinic.
    if (settings.clinicId !== clinic.clinicId) throw conflictError('This workstation syncs another clinic of your organization; sign in to that clinic to create a join code.');
    try {
      const code = await ctx.services.sync.createJoinCode(settings);
      ctx.write(() => null, { entityType: 'clinic', entityId: settings.clinicId, detail: { joinCode: true } });
      return code;
    } catch (error) {
      if (error instanceof HubUnavailable || error instanceof HubRefusal) throw conflictError(`${error.message} A join code needs the hub.`);
      throw error;
    }
  },

  'sync.pending': (ctx) => {
    if (linkedForAnotherOrganization(ctx, ctx.services.sync.settings())) return { changes: [], total: 0 };
    const changes = ctx.services.sync.waitingChanges(200);
    const total = ctx.services.sync.status().pendingChanges;
    return { changes: changes.map(({ hlc, ...change }) => ({ ...change, stampedAt: new Date(parseInt(hlc.slice(0, 9), 36)).toISOString() })), total };
  },

  'sync.conflicts': (ctx, input) => {
    // Rows a pull marked a moment ago are checked first, so the list is complete.
    ctx.services.sync.checkConflicts();
    return { conflicts: ctx.services.sync.conflicts(clinicContextOf(ctx).clinicId, input.includeResolved) };
  },

  'sync.resolveConflict': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const conflict = ctx.db.select().from(syncConflicts).where(and(eq(syncConflicts.id, input.conflictId), eq(syncConflicts.clinicId, clinic.clinicId))).get();
    if (conflict === undefined) throw notFoundError('That conflict is not recorded in this clinic.');
    if (conflict.resolvedAt !== null) throw conflictError('That conflict was already resolved.');
    const rowIds = conflictRowIdsSchema.parse(JSON.parse(conflict.rowIds));
    const action = input.action;
    const resolver = action.kind === 'keepBoth' ? null : ctx.services.conflictResolvers.get(action.kind);
    if (resolver === undefined) throw validationError('action', 'This workstation cannot resolve that kind of conflict.');
    const involved = (id: string): void => {
      if (!rowIds.includes(id)) throw validationError('action', 'Choose one of the records in this conflict.');
    };
    const now = isoAt(clinic.nowMs);
    ctx.write(
      (tx) => {
        const resolution = resolver === null || action.kind === 'keepBoth' ? 'Kept both' : resolver.resolve({ tx, clinicId: clinic.clinicId, userId: clinic.userId, nowMs: clinic.nowMs, involved }, action);
        tx.update(syncConflicts).set({ resolvedAt: now, resolvedByUserId: clinic.userId, resolution, updatedAt: now }).where(eq(syncConflicts.id, conflict.id)).run();
      },
      { entityType: 'sync_conflict', entityId: conflict.id, detail: { kind: conflict.kind, action: action.kind } },
    );
    resolver?.afterCommit?.(ctx);
    const [view] = ctx.services.sync.conflicts(clinic.clinicId, true).filter((candidate) => candidate.id === conflict.id);
    if (view === undefined) throw new Error('conflict vanished');
    return view;
  },

  'sync.rejections': (ctx) => {
    if (linkedForAnotherOrganization(ctx, ctx.services.sync.settings())) return { rejections: [] };
    const rows = ctx.db.select().from(syncRejections).where(isNull(syncRejections.dismissedAt)).all();
    return {
      rejections: rows.map((row) => {
        const changes = refusedChangesSchema.parse(JSON.parse(row.changes));
        return { id: row.id, code: row.code, message: row.message, rejectedAt: row.rejectedAt, changes: changes.length, tables: [...new Set(changes.map((change) => change.table))] };
      }),
    };
  },

  'sync.dismissRejection': (ctx, input) => {
    const row = linkedForAnotherOrganization(ctx, ctx.services.sync.settings()) ? undefined : ctx.db.select().from(syncRejections).where(eq(syncRejections.id, input.rejectionId)).get();
    if (row === undefined || row.dismissedAt !== null) throw notFoundError('No such refused change waiting.');
    ctx.write((tx) => tx.update(syncRejections).set({ dismissedAt: isoAt(ctx.clock.now()) }).where(eq(syncRejections.id, row.id)).run(), { entityType: 'sync_rejection', entityId: String(row.id) });
    return { dismissed: true as const };
  },
} satisfies Partial<Handlers>;

