import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { ApiError } from '#shared/api/errors.ts';
import { useAppStore } from '../state/store.ts';
import { api } from './api.ts';

export type CallState<N extends CallName> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly result: CallResult<N> }
  | { readonly status: 'failed'; readonly error: ApiError };

/**
 * Loads a read call and loads it again whenever the core reports changed data. The input is
 * compared by its JSON, so callers may pass a fresh object on every render; null waits.
 */
export function useCall<N extends CallName>(name: N, input: CallInput<N> | null): CallState<N> & { reload: () => void } {
  const dataVersion = useAppStore((state) => state.dataVersion);
  const [state, setState] = useState<CallState<N>>({ status: input === null ? 'idle' : 'loading' });
  const [nonce, setNonce] = useState(0);
  const inputKey = input === null ? null : JSON.stringify(input);
  // The input asked for is kept until one with another JSON comes: a fresh object with the same
  // content does not load again.
  const [asked, setAsked] = useState({ key: inputKey, input });
  if (asked.key !== inputKey) setAsked({ key: inputKey, input });
  useEffect(() => {
    if (asked.input === null) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    api.call(name, asked.input).then(
      (result) => current && setState({ status: 'done', result }),
      (error: unknown) =>
        current &&
        setState({ status: 'failed', error: error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) }) }),
    );
    return () => {
      current = false;
    };
  }, [name, asked, dataVersion, nonce]);
  const reload = useCallback(() => setNonce((value) => value + 1), []);
  return { ...state, reload };
}
