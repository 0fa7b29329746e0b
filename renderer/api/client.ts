import { sessionIssuingCalls, type CallInput, type CallName, type CallResult } from '#shared/api/contract.ts';
import { ApiError } from '#shared/api/errors.ts';
import type { Transport } from './transport.ts';

export type ApiClient = {
  readonly call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallResult<N>>;
  readonly transport: Transport;
};

export type ErrorObserver = (error: ApiError) => void;

/** Typed calls over a transport; every failure becomes an ApiError, seen first by the observer. */
export function createApiClient(transport: Transport, observe: ErrorObserver): ApiClient {
  return {
    transport,
    call: async (name, input) => {
      const outcome = await transport.invoke(name, input);
      if (outcome.ok) {
        const { result } = outcome;
        if (sessionIssuingCalls.includes(name) && typeof result === 'object' && result !== null && 'token' in result && typeof result.token === 'string') {
          transport.rememberToken(result.token);
        }
        return result as CallResult<typeof name>;
      }
      const error = new ApiError(outcome.error);
      observe(error);
      throw error;
    },
  };
}
