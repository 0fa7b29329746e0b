import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminAccount, setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';

// The lockout's numbers stated as the README states them (five failures within fifteen minutes
// lock the account for fifteen minutes), each at its boundary, failures one second apart: the
// product's own constants would follow a changed rule and never fail.
const SECOND = 1_000;
const FIFTEEN_MINUTES = 15 * 60 * SECOND;

describe('the sign-in lockout at its boundaries', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
    await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  const signIn = async (password: string): Promise<string> => {
    const outcome = await harness.core.dispatch({ call: 'auth.signIn', input: { username: adminAccount.username, password }, token: null });
    return outcome.ok ? 'signed in' : outcome.error.message;
  };

  async function failTimes(count: number): Promise<string[]> {
    const messages: string[] = [];
    for (let attempt = 0; attempt < count; attempt += 1) {
      if (attempt > 0) harness.clock.advance(SECOND);
      messages.push(await signIn('wrong password'));
    }
    return messages;
  }

  it('locks for fifteen minutes: still locked a millisecond before, open on the minute', async () => {
    const messages = await failTimes(5);
    expect(messages.slice(0, 4)).toEqual(Array(4).fill('Wrong username or password.'));
    expect(messages[4]).toMatch(/locked after too many failed sign-ins\. Try again in 15 minutes/);
    harness.clock.advance(FIFTEEN_MINUTES - 1);
    expect(await signIn(adminAccount.password)).toMatch(/locked after too many failed sign-ins\. Try again in 1 minute,/);
    harness.clock.advance(1);
    expect(await signIn(adminAccount.password)).toBe('signed in');
  });

  it('adds a failure exactly fifteen minutes after the one before to the count', async () => {
    await failTimes(4);
    harness.clock.advance(FIFTEEN_MINUTES);
    expect(await signIn('wrong password')).toMatch(/locked after too many failed sign-ins/);
  });

  it('starts the count again after a failure more than fifteen minutes old', async () => {
    await failTimes(4);
    harness.clock.advance(FIFTEEN_MINUTES + 1);
    expect(await failTimes(4)).toEqual(Array(4).fill('Wrong username or password.'));
    expect(await signIn(adminAccount.password)).toBe('signed in');
  });
});
