import type { EncounterStatus } from '#shared/modules/consultation/index.ts';
import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { conflictActionSchema, SyncConflict } from '#shared/api/calls/sync.ts';
import type { Role } from '#shared/domain/roles.ts';
import type { Section } from '../state/routes.ts';

/** The sections whose screens are the tabs modules add. */
export type TabbedSectionName = Exclude<Section, 'sync'>;

/** A tab a module adds to a section of the app shell, shown to the roles named. */
export type NavigationEntry = {
  /** Any section but Sync, which is the core's own screen. */
  readonly section: TabbedSectionName;
  /** Its name in the address (#/section/tab). */
  readonly tab: string;
  readonly label: string;
  readonly roles: readonly Role[];
  readonly Screen: ComponentType;
};

/** A page a module shows for one record (#/section/tab/id), with a way back. */
export type RecordPage = {
  readonly section: TabbedSectionName;
  readonly tab: string;
  readonly Page: ComponentType<{ readonly id: string }>;
};

/** What the screen sends to resolve a conflict: the core parses it into its resolvers' actions. */
export type ConflictAction = z.input<typeof conflictActionSchema>;

/** How the Sync screen shows a kind of conflict the module declares, and the ways out it offers besides keeping both. */
export type ConflictPresentation = {
  readonly label: string;
  /** What happened and what a person can do, in a sentence or two. */
  readonly sentence: string;
  readonly actions: (rows: SyncConflict['rows']) => { label: string; action: ConflictAction }[];
};

/** What a panel on the encounter screen is given; it reads and writes its own records through the API. */
export type EncounterPanelProps = {
  readonly encounterId: string;
  readonly patientId: string;
  /** OPEN while the doctor may still write; SIGNED and COMPLETED are read-only for clinical content. */
  readonly encounterStatus: EncounterStatus;
  /** Reloads the encounter screen, after a change other panels may show. */
  readonly reload: () => void;
};

/** A section a module adds to the encounter screen (prescriptions, orders, procedures…), below the note. */
export type EncounterPanel = { readonly key: string; readonly Panel: ComponentType<EncounterPanelProps> };

/** A section a module adds to a patient's chart, below the timeline and vitals. */
export type ChartSection = { readonly key: string; readonly Section: ComponentType<{ readonly patientId: string }> };

/** A feature's screens: its tabs, its record pages, what it puts in the shell's header, and how its conflicts show. */
export type RendererModule = {
  readonly name: string;
  readonly navigation: readonly NavigationEntry[];
  readonly recordPages?: readonly RecordPage[];
  readonly headerWidget?: ComponentType;
  readonly conflicts?: Partial<Readonly<Record<SyncConflict['kind'], ConflictPresentation>>>;
  readonly encounterPanels?: readonly EncounterPanel[];
  readonly chartSections?: readonly ChartSection[];
};

export function defineRendererModule(module: RendererModule): RendererModule {
  return module;
}
