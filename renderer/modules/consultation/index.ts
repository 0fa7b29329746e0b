// What other modules may use of the consultation module's screens.
export { chartRoute } from './consultation-routes.ts';
