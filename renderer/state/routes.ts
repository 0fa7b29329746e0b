/** The screens of the app shell, addressed by the URL's hash so a reload stays put. */
export const sections = ['reception', 'consultation', 'pharmacy', 'billing', 'inventory', 'sync', 'administration'] as const;
export type Section = (typeof sections)[number];

export const sectionLabels: Readonly<Record<Section, string>> = {
  reception: 'Reception',
  consultation: 'Consultation',
  pharmacy: 'Pharmacy',
  billing: 'Billing',
  inventory: 'Inventory',
  sync: 'Sync',
  administration: 'Administration',
};

/** section/tab/id, e.g. #/reception/patient/<id>. */
export type Route = { readonly section: Section; readonly tab: string | null; readonly id?: string | null };

export function parseHash(hash: string): Route {
  const [section, tab, id] = hash.replace(/^#\/?/, '').split('/');
  const known = sections.find((candidate) => candidate === section);
  return { section: known ?? 'reception', tab: tab === undefined || tab === '' ? null : tab, id: id === undefined || id === '' ? null : decodeURIComponent(id) };
}

export function routeHash(route: Route): string {
  const tab = route.tab === null ? '' : `/${route.tab}`;
  const id = route.tab === null || route.id === undefined || route.id === null ? '' : `/${encodeURIComponent(route.id)}`;
  return `#/${route.section}${tab}${id}`;
}

export function patientRoute(patientId: string): Route {
  return { section: 'reception', tab: 'patient', id: patientId };
}

/** The same section without the record it showed (a patient of the clinic just left). */
export function leaveRecord(route: Route): Route {
  if (route.id === undefined || route.id === null) return route;
  return { section: route.section, tab: null };
}
