import { registerSharedModules } from '#shared/modules/registry.ts';
import type { ConflictResolver } from '../api/conflict-resolvers.ts';
import type { OpenedDatabase } from '../db/database.ts';
import { registerSyncParticipant } from '../sync/participants.ts';
import type { AllOf } from '#shared/modules/define.ts';
import { appointmentsCoreModule } from './appointments/module.ts';
import { auditCoreModule } from './audit/module.ts';
import { clinicsCoreModule } from './clinics/module.ts';
import { consultationCoreModule } from './consultation/module.ts';
import type { CoreModule } from './define.ts';
import { diagnosisCodesCoreModule } from './diagnosis-codes/module.ts';
import { dispensingCoreModule } from './dispensing/module.ts';
import { doctorsCoreModule } from './doctors/module.ts';
import { documentsCoreModule } from './documents/module.ts';
import { medicinesCoreModule } from './medicines/module.ts';
import { ordersCoreModule } from './orders/module.ts';
import { salesCoreModule } from './sales/module.ts';
import { stockCoreModule } from './stock/module.ts';
import { patientsCoreModule } from './patients/module.ts';
import { prescriptionsCoreModule } from './prescriptions/module.ts';
import { proceduresCoreModule } from './procedures/module.ts';
import { queueCoreModule } from './queue/module.ts';
import { usersCoreModule } from './users/module.ts';

/** Every feature's part in the core, one line each; their demo steps run in this order. */
export const coreModules = [clinicsCoreModule, usersCoreModule, auditCoreModule, doctorsCoreModule, patientsCoreModule, appointmentsCoreModule, queueCoreModule, diagnosisCodesCoreModule, medicinesCoreModule, consultationCoreModule, prescriptionsCoreModule, stockCoreModule, salesCoreModule, ordersCoreModule, dispensingCoreModule, documentsCoreModule, proceduresCoreModule] as const;

/** Every module's handlers as one object; the dispatcher's map adds the core's own. */
export const moduleHandlers = Object.assign({}, ...coreModules.map((module) => module.handlers)) as AllOf<(typeof coreModules)[number]['handlers']>;

/** Registers the modules' tables and their parts in sync with the engine; calling it again changes nothing. */
export function registerCoreModules(modules: readonly CoreModule[] = coreModules): void {
  registerSharedModules();
  for (const module of modules) if (module.syncParticipant !== undefined) registerSyncParticipant(module.syncParticipant);
}

/** Runs every module's work at the database's opening, in registry order. */
export function startCoreModules(database: OpenedDatabase, nowMs: number, modules: readonly CoreModule[] = coreModules): void {
  for (const module of modules) module.atStart?.(database, nowMs);
}

/** The modules' conflict resolvers by the action each takes; an action declared twice is a programming error. */
export function conflictResolversOf(modules: readonly CoreModule[] = coreModules): ReadonlyMap<string, ConflictResolver> {
  const resolvers = new Map<string, ConflictResolver>();
  for (const resolver of modules.flatMap((module) => module.conflictResolvers ?? [])) {
    if (resolvers.has(resolver.action)) throw new Error(`two modules resolve conflicts by ${resolver.action}`);
    resolvers.set(resolver.action, resolver);
  }
  return resolvers;
}
