import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doctorWithSchedule, setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';

// The appointment book offers only what can be booked (issue 33): on a past day, and earlier
// today, no slot is free; they were offered and refused only on saving.
// The harness clock starts on Monday 2026-03-02 at 09:00 UTC, which is 09:00 in Europe/London.
describe('slots in the past', () => {
  let harness: Harness;
  let admin: string;
  let doctorUserId: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    doctorUserId = (await doctorWithSchedule(harness, admin, 'drbell')).userId;
  });
  afterEach(() => harness.close());

  it('offers none on a past day, and today only those still to come', async () => {
    const { slots } = await harness.call('slots.list', { doctorUserId, fromDate: '2026-02-27', toDate: '2026-03-03' }, admin);
    const shown = (date: string) => slots.filter((slot) => slot.localDate === date).map((slot) => `${slot.localStart} ${slot.free ? 'free' : slot.past ? 'past' : 'taken'}`);
    expect(shown('2026-02-27')).toEqual(['09:00 past', '09:30 past', '10:00 past', '11:00 past', '11:30 past']);
    // 09:00 has begun: it is past; 09:30 onwards can still be booked.
    expect(shown('2026-03-02')).toEqual(['09:00 past', '09:30 free', '10:00 free', '11:00 free', '11:30 free']);
    expect(shown('2026-03-03').every((slot) => slot.endsWith('free'))).toBe(true);
  });
});
