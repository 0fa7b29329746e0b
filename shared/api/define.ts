import type { z } from 'zod';
import type { Role } from '../domain/roles.ts';

/**
 * Who may make a call. `public` needs no session; `signedIn` needs a session but no clinic
 * (choosing a clinic, signing out); `clinic` needs a chosen clinic and one of the roles there.
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signedIn' }
  | { readonly kind: 'clinic'; readonly roles: readonly Role[] };

/** `write` calls change data: they run in one transaction and always leave an audit row. */
export type Effect = 'read' | 'write';

export type CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  readonly effect: Effect;
  /** Whether the call is allowed while the session's screen is locked. */
  readonly whileLocked?: boolean;
  /** Whether the call is allowed before the user replaced a password an administrator set. */
  readonly beforePasswordChange?: boolean;
  /** A call that carries a file: how large its JSON body may be, past the web host's usual limit. */
  readonly maxBodyBytes?: number;
};

export function defineCall<I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> {
  return spec;
}

export const publicAccess: Access = { kind: 'public' };
export const signedInAccess: Access = { kind: 'signedIn' };
export function rolesAccess(...roles: Role[]): Access {
  return { kind: 'clinic', roles };
}
