import { engineSyncTables } from '../sync/engine-tables.ts';
import { registerSubjects, registerSyncTables } from '../sync/tables.ts';
import { appointmentsModule } from './appointments/module.ts';
import { auditModule } from './audit/module.ts';
import { clinicsModule } from './clinics/module.ts';
import { consultationModule } from './consultation/module.ts';
import type { AllOf, SharedModule } from './define.ts';
import { diagnosisCodesModule } from './diagnosis-codes/module.ts';
import { dispensingModule } from './dispensing/module.ts';
import { doctorsModule } from './doctors/module.ts';
import { documentsModule } from './documents/module.ts';
import { medicinesModule } from './medicines/module.ts';
import { ordersModule } from './orders/module.ts';
import { salesModule } from './sales/module.ts';
import { stockModule } from './stock/module.ts';
import { patientsModule } from './patients/module.ts';
import { prescriptionsModule } from './prescriptions/module.ts';
import { proceduresModule } from './procedures/module.ts';
import { queueModule } from './queue/module.ts';
import { usersModule } from './users/module.ts';

/** Every feature's shared part, one line each. A table scoped by a parent comes after the parent's module. */
export const sharedModules = [clinicsModule, usersModule, auditModule, patientsModule, doctorsModule, appointmentsModule, queueModule, diagnosisCodesModule, medicinesModule, consultationModule, prescriptionsModule, stockModule, salesModule, ordersModule, dispensingModule, documentsModule, proceduresModule] as const;

/** Every module's calls as one object; the contract adds the core's own. */
export const moduleCalls = Object.assign({}, ...sharedModules.map((module) => module.calls)) as AllOf<(typeof sharedModules)[number]['calls']>;

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
  for (const module of modules) {
    registerSubjects(module.subjects ?? []);
    registerSyncTables(module.syncTables);
  }
}
