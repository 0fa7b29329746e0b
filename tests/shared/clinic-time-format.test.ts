import { describe, expect, it } from 'vitest';
import { clinicLocale } from '#shared/domain/clinic-locale.ts';
import { formatDate, formatDateTime, formatTime, formatWallTime, formatWallTimes } from '#renderer/format/time.ts';

// One way of writing times (issue 33): the screens mixed "09:00 AM", "11:15" and "4:35 AM". Every
// date and time goes through renderer/format/time.ts in the clinic's locale and zone.
describe('the clinic’s time format', () => {
  const earlyMorning = '2026-03-02T04:35:00.000Z';
  const afternoon = '2026-07-02T13:05:00.000Z';

  it('takes the clinic’s country for its locale, and plain English for a country no locale knows', () => {
    expect(clinicLocale('GB')).toBe('en-GB');
    expect(clinicLocale(' in ')).toBe('en-IN');
    expect(clinicLocale('XX')).toBe('en');
  });

  it('writes a time the same way from an instant, from a wall-clock time and inside a date and time', () => {
    for (const [locale, early, late] of [
      ['en-GB', '04:35', '14:05'],
      ['en-US', '04:35 AM', '02:05 PM'],
    ] as const) {
      expect(formatTime(earlyMorning, 'Europe/London', locale), locale).toBe(early);
      expect(formatWallTime('04:35', locale), locale).toBe(early);
      expect(formatDateTime(earlyMorning, 'Europe/London', locale).endsWith(early), locale).toBe(true);
      // Summer time in London: 13:05 UTC is 14:05 on the clinic's clock.
      expect(formatTime(afternoon, 'Europe/London', locale), locale).toBe(late);
      expect(formatWallTime('14:05', locale), locale).toBe(late);
      expect(formatDateTime(afternoon, 'Europe/London', locale).endsWith(late), locale).toBe(true);
    }
    expect(formatWallTimes('09:00', '24:00', 'en-GB')).toBe('09:00–00:00');
  });

  it('writes dates in the clinic’s order, on the clinic’s calendar day', () => {
    expect(formatDate('2026-03-02', 'en-GB')).toBe('Mon, 2 Mar 2026');
    expect(formatDate('2026-03-02', 'en-US')).toBe('Mon, Mar 2, 2026');
    // Late evening in New York is already the next day in London: each clinic sees its own date.
    expect(formatDateTime('2026-03-03T02:30:00.000Z', 'America/New_York', 'en-US')).toBe('Mar 2, 2026, 09:30 PM');
  });
});
