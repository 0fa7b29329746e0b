import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';

/**
 * What a module's demo step works with: the same calls the screens make, as the demo
 * administrator in the demo clinic (so the data is audited and numbered like real data), one
 * seeded generator shared in registry order (so the demo is the same every time), and what earlier
 * steps made, by kind, for later ones to use (the patients appointments are booked for).
 */
export type DemoSession = {
  readonly call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallResult<N>>;
  readonly random: () => number;
  readonly made: Map<string, readonly string[]>;
};

export type DemoStep = (session: DemoSession) => Promise<void>;
