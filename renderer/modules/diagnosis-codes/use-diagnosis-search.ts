import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { DiagnosisCode } from '#shared/modules/diagnosis-codes/calls.ts';
import { api } from '../../api/api.ts';

// The search answers in well under a millisecond: the pause only spares calls while typing fast.
const SEARCH_DELAY_MS = 60;

export type DiagnosisSearchState = {
  readonly results: readonly DiagnosisCode[];
  readonly searching: boolean;
  readonly failure: string | null;
  /** The text the results answer. */
  readonly answered: string;
};

/** Results of the latest query only: an answer that arrives after a newer keystroke is dropped. */
export function useDiagnosisSearch(query: string, limit: number): DiagnosisSearchState {
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [state, setState] = useState<DiagnosisSearchState>({ results: [], searching: false, failure: null, answered: '' });
  useEffect(() => {
    if (debounced === '') {
      setState({ results: [], searching: false, failure: null, answered: '' });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, searching: true }));
    api.call('diagnosisCodes.search', { query: debounced, limit }).then(
      ({ results }) => current && setState({ results, searching: false, failure: null, answered: debounced }),
      (error: unknown) => current && setState({ results: [], searching: false, failure: error instanceof Error ? error.message : 'Search failed', answered: debounced }),
    );
    return () => {
      current = false;
    };
  }, [debounced, limit]);
  return state;
}
