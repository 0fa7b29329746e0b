import type { ComponentType } from 'react';
import type { Role } from '#shared/domain/roles.ts';
import type { Section } from '../state/routes.ts';

/** A tab a module adds to a section of the app shell, shown to the roles named. */
export type NavigationEntry = {
  readonly section: Extract<Section, 'reception' | 'administration'>;
  /** Its name in the address (#/section/tab). */
  readonly tab: string;
  readonly label: string;
  readonly roles: readonly Role[];
  readonly Screen: ComponentType;
};

/** A page a module shows for one record (#/section/tab/id), with a way back. */
export type RecordPage = {
  readonly section: Extract<Section, 'reception' | 'administration'>;
  readonly tab: string;
  readonly Page: ComponentType<{ readonly id: string }>;
};

/** A feature's screens: its tabs, its record pages, and what it puts in the shell's header. */
export type RendererModule = {
  readonly name: string;
  readonly navigation: readonly NavigationEntry[];
  readonly recordPages?: readonly RecordPage[];
  readonly headerWidget?: ComponentType;
};

export function defineRendererModule(module: RendererModule): RendererModule {
  return module;
}
