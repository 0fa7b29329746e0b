import type { z } from 'zod';
import { moduleCalls } from '../modules/registry.ts';
import { authCalls } from './calls/auth.ts';
import { setupCalls } from './calls/setup.ts';
import { syncCalls } from './calls/sync.ts';
import { systemCalls } from './calls/system.ts';
import type { CallSpec } from './define.ts';

/**
 * Every call the renderer can make: the core's own and every module's (shared/modules/registry.ts).
 * A call added to either does not compile until the core implements it.
 */
export const contract = {
  ...systemCalls,
  ...setupCalls,
  ...authCalls,
  ...syncCalls,
  ...moduleCalls,
} satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallResult<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

/** The calls whose result carries a new session token, which the transport keeps. */
export const sessionIssuingCalls: readonly CallName[] = ['auth.signIn', 'setup.createClinic'];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
