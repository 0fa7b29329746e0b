import { holdsAnyRole, type Role } from '#shared/domain/roles.ts';
import type { Section } from '../state/routes.ts';
import { appointmentScreens } from './appointments/module.ts';
import { auditScreens } from './audit/module.ts';
import { clinicScreens } from './clinics/module.ts';
import { consultationScreens } from './consultation/module.ts';
import { diagnosisCodeScreens } from './diagnosis-codes/module.ts';
import type { ChartSection, ConflictPresentation, EncounterPanel, NavigationEntry, RecordPage, RendererModule } from './define.ts';
import { dispensingScreens } from './dispensing/module.ts';
import { doctorScreens } from './doctors/module.ts';
import { documentScreens } from './documents/module.tsx';
import { medicineScreens } from './medicines/module.ts';
import { orderScreens } from './orders/module.ts';
import { patientScreens } from './patients/module.tsx';
import { prescriptionScreens } from './prescriptions/module.ts';
import { procedureScreens } from './procedures/module.ts';
import { queueScreens } from './queue/module.ts';
import { salesScreens } from './sales/module.ts';
import { stockScreens } from './stock/module.ts';
import { userScreens } from './users/module.ts';

/** Every feature's screens, one line each; a section's tabs come in this order. */
export const rendererModules: readonly RendererModule[] = [consultationScreens, queueScreens, appointmentScreens, patientScreens, doctorScreens, userScreens, clinicScreens, diagnosisCodeScreens, auditScreens, medicineScreens, dispensingScreens, stockScreens, prescriptionScreens, orderScreens, documentScreens, salesScreens, procedureScreens];

/** The tabs of a section any of a person's roles may open; null for every tab of the section. */
export function tabsOf(section: Section, roles: readonly Role[] | null): NavigationEntry[] {
  return rendererModules.flatMap((module) => module.navigation).filter((entry) => entry.section === section && (roles === null || holdsAnyRole(roles, entry.roles)));
}

export function recordPageOf(section: Section, tab: string | null): RecordPage | undefined {
  return rendererModules.flatMap((module) => module.recordPages ?? []).find((page) => page.section === section && page.tab === tab);
}

/** How each kind of conflict shows, from the module that declares it. */
export const conflictPresentations: ReadonlyMap<string, ConflictPresentation> = new Map(
  rendererModules.flatMap((module) => Object.entries(module.conflicts ?? {})),
);

export const headerWidgets = rendererModules.flatMap((module) => (module.headerWidget === undefined ? [] : [module.headerWidget]));

/** The encounter screen's sections from other modules, in registry order. */
export const encounterPanels: readonly EncounterPanel[] = rendererModules.flatMap((module) => module.encounterPanels ?? []);

/** The chart's sections from other modules, in registry order. */
export const chartSections: readonly ChartSection[] = rendererModules.flatMap((module) => module.chartSections ?? []);
