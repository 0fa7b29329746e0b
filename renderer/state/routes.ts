/** The screens of the app shell, addressed by the URL's hash so a reload stays put. */
export const sections = ['reception', 'consultation', 'pharmacy', 'billing', 'inventory', 'administration'] as const;
export type Section = (typeof sections)[number];

export const sectionLabels: Readonly<Record<Section, string>> = {
  reception: 'Reception',
  consultation: 'Consultation',
  pharmacy: 'Pharmacy',
  billing: 'Billing',
  inventory: 'Inventory',
  administration: 'Administration',
};

export const adminTabs = ['users', 'clinic', 'audit'] as const;
export type AdminTab = (typeof adminTabs)[number];

export type Route = { readonly section: Section; readonly tab: string | null };

export function parseHash(hash: string): Route {
  const [section, tab] = hash.replace(/^#\/?/, '').split('/');
  const known = sections.find((candidate) => candidate === section);
  return { section: known ?? 'reception', tab: tab === undefined || tab === '' ? null : tab };
}

export function routeHash(route: Route): string {
  return `#/${route.section}${route.tab === null ? '' : `/${route.tab}`}`;
}
