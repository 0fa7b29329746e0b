import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { ProductKind, ProductSummary } from '#shared/modules/medicines/product.ts';
import { api } from '../../api/api.ts';
import { useAppStore } from '../../state/store.ts';

const SEARCH_DELAY_MS = 100;

export type MedicineSearchState = {
  results: ProductSummary[];
  searching: boolean;
  failure: string | null;
  /** The text the results answer, so Enter waits for the results of what was typed. */
  answered: string;
};

/** Products for the latest query only: an answer that arrives after a newer keystroke is dropped. */
export function useMedicineSearch(query: string, options: { limit: number; includeRetired?: boolean; kinds?: readonly ProductKind[] }): MedicineSearchState {
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [state, setState] = useState<MedicineSearchState>({ results: [], searching: false, failure: null, answered: '' });
  const dataVersion = useAppStore((store) => store.dataVersion);
  const kindsKey = options.kinds?.join(',') ?? '';
  useEffect(() => {
    if (debounced === '') {
      setState({ results: [], searching: false, failure: null, answered: '' });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, searching: true }));
    api.call('medicines.search', { query: debounced, limit: options.limit, includeRetired: options.includeRetired ?? false, ...(options.kinds === undefined ? {} : { kinds: [...options.kinds] }) }).then(
      ({ products }) => current && setState({ results: products, searching: false, failure: null, answered: debounced }),
      (error: unknown) => current && setState({ results: [], searching: false, failure: error instanceof Error ? error.message : 'Search failed', answered: debounced }),
    );
    return () => {
      current = false;
    };
  }, [debounced, options.limit, options.includeRetired, kindsKey, dataVersion]);
  return state;
}
