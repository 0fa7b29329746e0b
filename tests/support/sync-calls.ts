import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import type { Workstation } from './sync-world.ts';

/** Calls a workstation's core and fails the test on an error, naming the workstation. */
export async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}
