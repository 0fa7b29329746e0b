import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { emptyCart, type Cart } from './cart.ts';

// The counter's carts, kept in this workstation's browser storage so a reload, a crash or a
// locked screen never loses a customer's cart. Parked carts are this counter's alone: a parked
// sale is a customer standing at this till, so it does not sync.

export type ParkedCart = { readonly id: string; readonly parkedAt: string; readonly cart: Cart };
type ClinicCarts = { readonly current: Cart; readonly parked: readonly ParkedCart[] };

type CartState = {
  readonly byClinic: Readonly<Record<string, ClinicCarts>>;
  /** Changes the current cart from its latest state: two scans in a row both land. */
  readonly updateCurrent: (clinicId: string, change: (cart: Cart) => Cart) => void;
  /** Parks the current cart (when it has lines) and starts an empty one. */
  readonly park: (clinicId: string, id: string, parkedAt: string) => void;
  /** Brings a parked cart back; a current cart with lines is parked in its place. */
  readonly resume: (clinicId: string, parkedId: string, newId: string, parkedAt: string) => void;
};

const none: ClinicCarts = { current: emptyCart, parked: [] };

function parked(carts: ClinicCarts, id: string, parkedAt: string): readonly ParkedCart[] {
  return carts.current.lines.length === 0 ? carts.parked : [...carts.parked, { id, parkedAt, cart: carts.current }];
}

export const useCartStore = create<CartState>()(
  persist(
    (set) => ({
      byClinic: {},
      updateCurrent: (clinicId, change) =>
        set((state) => {
          const carts = state.byClinic[clinicId] ?? none;
          return { byClinic: { ...state.byClinic, [clinicId]: { ...carts, current: change(carts.current) } } };
        }),
      park: (clinicId, id, parkedAt) =>
        set((state) => {
          const carts = state.byClinic[clinicId] ?? none;
          return { byClinic: { ...state.byClinic, [clinicId]: { current: emptyCart, parked: parked(carts, id, parkedAt) } } };
        }),
      resume: (clinicId, parkedId, newId, parkedAt) =>
        set((state) => {
          const carts = state.byClinic[clinicId] ?? none;
          const chosen = carts.parked.find((entry) => entry.id === parkedId);
          if (chosen === undefined) return state;
          const others = parked(carts, newId, parkedAt).filter((entry) => entry.id !== parkedId);
          return { byClinic: { ...state.byClinic, [clinicId]: { current: chosen.cart, parked: others } } };
        }),
    }),
    { name: 'clinic-desk.pos-carts', version: 1, storage: createJSONStorage(() => localStorage) },
  ),
);

export function useClinicCarts(clinicId: string): ClinicCarts {
  return useCartStore((state) => state.byClinic[clinicId] ?? none);
}
