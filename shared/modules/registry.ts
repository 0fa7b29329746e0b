import { engineSyncTables } from '../sync/engine-tables.ts';
import { registerSyncTables } from '../sync/tables.ts';
import { appointmentsModule } from './appointments/index.ts';
import { auditModule } from './audit/index.ts';
import { clinicsModule } from './clinics/index.ts';
import type { SharedModule } from './define.ts';
import { doctorsModule } from './doctors/index.ts';
import { patientsModule } from './patients/index.ts';
import { queueModule } from './queue/index.ts';
import { usersModule } from './users/index.ts';

/** Every feature's shared part, one line each. A table scoped by a parent comes after the parent's module. */
export const sharedModules = [clinicsModule, usersModule, auditModule, patientsModule, doctorsModule, appointmentsModule, queueModule] as const;

type DeclaredConflict = (typeof sharedModules)[number]['conflicts'][number];
export type ConflictKind = DeclaredConflict['kind'];
export type ConflictResolutionAction = DeclaredConflict['actions'][number];

const declaredConflicts: readonly DeclaredConflict[] = (sharedModules as readonly SharedModule<DeclaredConflict>[]).flatMap((module) => module.conflicts);

/** Every kind of conflict the modules declare. */
export const conflictKinds: readonly ConflictKind[] = declaredConflicts.map((conflict) => conflict.kind);

/** Every way out of a conflict the modules offer, besides keeping both. */
export const conflictResolutionActions: readonly ConflictResolutionAction[] = declaredConflicts.flatMap((conflict): readonly ConflictResolutionAction[] => conflict.actions);

/** Registers the engine's own tables and every module's with the sync engine; calling it again changes nothing. */
export function registerSharedModules(modules: readonly SharedModule[] = sharedModules): void {
  registerSyncTables(engineSyncTables);
  for (const module of modules) registerSyncTables(module.syncTables);
}
