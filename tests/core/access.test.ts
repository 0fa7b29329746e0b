import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, type CallName } from '#shared/api/contract.ts';
import { roles, type Role } from '#shared/domain/roles.ts';
import { setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

// Table-driven over the whole contract: a new call is covered the moment it is declared, and a
// call made public without being added here fails.
const EXPECTED_PUBLIC_CALLS: readonly CallName[] = ['system.status', 'setup.createClinic', 'auth.signIn', 'sync.join'];

/** Calls whose side effect would end or lock the session the table reuses; tested on their own elsewhere. */
const SESSION_ENDING: readonly CallName[] = ['auth.signOut', 'auth.lock'];

describe('role checks over the whole API contract', () => {
  let harness: Harness;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    harness = await startHarness();
    const adminToken = await setUpClinic(harness);
    tokens.set('ADMIN', adminToken);
    for (const role of roles.filter((candidate) => candidate !== 'ADMIN')) {
      tokens.set(role, (await userWithRole(harness, adminToken, role, role.toLowerCase())).token);
    }
  });
  afterAll(() => harness.close());

  it('declares an access rule for every call, and only the expected calls are public', () => {
    for (const name of callNames) {
      const { access } = contract[name];
      expect(['public', 'signedIn', 'clinic'], name).toContain(access.kind);
      if (access.kind === 'clinic') expect(access.roles.length, name).toBeGreaterThan(0);
    }
    expect(callNames.filter((name) => contract[name].access.kind === 'public').sort()).toEqual([...EXPECTED_PUBLIC_CALLS].sort());
  });

  it.each(callNames.filter((name) => contract[name].access.kind !== 'public'))('%s needs a session', async (name) => {
    const error = await harness.fail(name, {}, null);
    expect(error.code).toBe('UNAUTHENTICATED');
    const forged = await harness.fail(name, {}, 'forged-token-forged-token-forged');
    expect(forged.code).toBe('UNAUTHENTICATED');
  });

  const clinicCalls = callNames.flatMap((name) => {
    const { access } = contract[name];
    return access.kind === 'clinic' ? roles.map((role) => ({ name, role, allowed: access.roles.includes(role) })) : [];
  });

  it.each(clinicCalls.filter((row) => !row.allowed))('$name is refused to $role, and the refusal is audited', async ({ name, role }) => {
    const token = tokens.get(role) ?? '';
    const before = harness.core.database.sqlite.prepare(`select count(*) from audit_log where outcome = 'DENIED' and action = ?`).pluck().get(name) as number;
    const error = await harness.fail(name, {}, token);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/does not allow/);
    const after = harness.core.database.sqlite.prepare(`select count(*) from audit_log where outcome = 'DENIED' and action = ?`).pluck().get(name) as number;
    expect(after).toBe(before + 1);
  });

  it.each(clinicCalls.filter((row) => row.allowed && !SESSION_ENDING.includes(row.name)))('$name is open to $role', async ({ name, role }) => {
    const outcome = await harness.core.dispatch({ call: name, input: {}, token: tokens.get(role) ?? '' });
    if (!outcome.ok) expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT']).toContain(outcome.error.code);
  });

  it('refuses every call but the password change until an administrator-set password is replaced', async () => {
    const adminToken = tokens.get('ADMIN') ?? '';
    await harness.call('users.create', { fullName: 'New Starter', username: 'starter', email: '', phone: '', password: 'temporary-1', role: 'STAFF' }, adminToken);
    const signedIn = await harness.call('auth.signIn', { username: 'starter', password: 'temporary-1' });
    expect(signedIn.user.mustChangePassword).toBe(true);
    const token = signedIn.token ?? '';
    const refused = await harness.fail('clinic.get', {}, token);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Choose a new password before you continue.' });
    const changed = await harness.call('auth.changePassword', { currentPassword: 'temporary-1', newPassword: 'my own secret' }, token);
    expect(changed.user.mustChangePassword).toBe(false);
    expect((await harness.call('clinic.get', {}, token)).code).toBe('RFC01');
  });

  it('lets every role look up diagnosis codes, and only an administrator replace the code set', () => {
    const rolesOf = (name: CallName): readonly Role[] => {
      const { access } = contract[name];
      return access.kind === 'clinic' ? [...access.roles].sort() : [];
    };
    expect(rolesOf('diagnosisCodes.search')).toEqual([...roles].sort());
    expect(rolesOf('diagnosisCodes.codeSet')).toEqual([...roles].sort());
    for (const name of ['diagnosisCodes.importStart', 'diagnosisCodes.importPart', 'diagnosisCodes.importFinish'] as const) expect(rolesOf(name), name).toEqual(['ADMIN']);
  });

  it('answers an unknown call with NOT_FOUND', async () => {
    const error = await harness.fail('patients.deleteEverything', {}, tokens.get('ADMIN') ?? '');
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});
