import type { Route } from '../../state/routes.ts';

export function encounterRoute(encounterId: string): Route {
  return { section: 'consultation', tab: 'encounter', id: encounterId };
}

export function chartRoute(patientId: string): Route {
  return { section: 'consultation', tab: 'chart', id: patientId };
}
