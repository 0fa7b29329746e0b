import { afterEach, describe, expect, it } from 'vitest';
import { setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';

describe('smoke', () => {
  let harness: Harness;
  afterEach(() => harness.close());
  it('sets up', async () => {
    harness = await startHarness();
    const token = await setUpClinic(harness);
    const clinic = await harness.call('clinic.get', {}, token);
    expect(clinic.code).toBe('RFC01');
  });
});
