import type { StateCreator } from 'zustand';
import { parseHash, routeHash, type Route } from './routes.ts';
import type { AppState } from './store.ts';

export type NavSlice = {
  readonly route: Route;
  readonly navigate: (route: Route) => void;
};

export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set) => ({
  route: parseHash(window.location.hash),
  navigate: (route) => {
    const hash = routeHash(route);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ route });
  },
});
