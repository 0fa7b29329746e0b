import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import type { Core } from '../core.ts';
import { coreModules } from '../modules/registry.ts';
import type { DemoSession } from './demo-session.ts';
import { seededRandom } from './sample-names.ts';

/**
 * Each module's part of the demo clinic, in registry order, made through the same calls the
 * screens use (so it is audited and numbered like real data), as the demo administrator at
 * Riverside: doctors' weeks, patients, appointments, a queue.
 */
export async function seedModuleDemos(core: Core, admin: { username: string; password: string }): Promise<void> {
  let token: string | null = null;
  const call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const outcome = await core.dispatch({ call: name, input, token });
    if (!outcome.ok) throw new Error(`demo ${name}: ${outcome.error.message}`);
    return outcome.result as CallResult<N>;
  };
  const session = await call('auth.signIn', admin);
  token = session.token ?? null;
  const riverside = session.memberships.find((membership) => membership.clinicCode === 'RFC01');
  if (riverside === undefined) throw new Error('demo clinic missing');
  await call('auth.selectClinic', { clinicId: riverside.clinicId });
  const demo: DemoSession = { call, random: seededRandom(7), made: new Map() };
  for (const module of coreModules) await module.demo?.(demo);
  await call('auth.signOut', {});
}
