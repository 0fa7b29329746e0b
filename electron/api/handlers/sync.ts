import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { conflictError, notFoundError, validationError } from '#shared/api/errors.ts';
import { clinicContextOf } from '../clinic-context.ts';
import { countClinics } from '../../modules/clinics/index.ts';
import { syncConflicts, syncRejections } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { HubRefusal, HubUnavailable } from '../../sync/transport.ts';
import type { Handlers } from '../context.ts';

/** A conflict's rows as recorded: the ids of the rows in conflict. */
const conflictRowIdsSchema = z.array(z.string());

/** A refused push's changes as recorded: only their tables are shown. */
const refusedChangesSchema = z.array(z.looseObject({ table: z.string() }));

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
    clinicContextOf(ctx);
    const settings = ctx.services.sync.settings();
    if (settings === null) throw conflictError('Connect this workstation to a hub first.');
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
    const rows = ctx.db.select().from(syncRejections).where(isNull(syncRejections.dismissedAt)).all();
    return {
      rejections: rows.map((row) => {
        const changes = refusedChangesSchema.parse(JSON.parse(row.changes));
        return { id: row.id, code: row.code, message: row.message, rejectedAt: row.rejectedAt, changes: changes.length, tables: [...new Set(changes.map((change) => change.table))] };
      }),
    };
  },

  'sync.dismissRejection': (ctx, input) => {
    const row = ctx.db.select().from(syncRejections).where(eq(syncRejections.id, input.rejectionId)).get();
    if (row === undefined || row.dismissedAt !== null) throw notFoundError('No such refused change waiting.');
    ctx.write((tx) => tx.update(syncRejections).set({ dismissedAt: isoAt(ctx.clock.now()) }).where(eq(syncRejections.id, row.id)).run(), { entityType: 'sync_rejection', entityId: String(row.id) });
    return { dismissed: true as const };
  },
} satisfies Partial<Handlers>;

