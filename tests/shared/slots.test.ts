import { Settings } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  generateSlots,
  isValidEndHhMm,
  isValidHhMm,
  localDateOf,
  localDayBounds,
  type GenerateSlotsInput,
  type ScheduleException,
  type Slot,
  type WeeklySession,
} from '#shared/scheduling/slots.ts';

const KOLKATA = 'Asia/Kolkata';
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

function session(weekday: number, startTime: string, endTime: string, slotMinutes = 30, breaks: WeeklySession['breaks'] = []): WeeklySession {
  return { weekday, startTime, endTime, slotMinutes, breaks };
}

const weekdayMornings = [1, 2, 3, 4, 5].map((weekday) => session(weekday, '09:00', '12:00'));

function slotsFor(overrides: Partial<GenerateSlotsInput>): Slot[] {
  return generateSlots({ timeZone: KOLKATA, sessions: weekdayMornings, exceptions: [], fromDate: '2026-03-23', toDate: '2026-03-29', busy: [], ...overrides });
}

function startsOn(slots: readonly Slot[], localDate: string): string[] {
  return slots.filter((slot) => slot.localDate === localDate).map((slot) => slot.startAt);
}

function hoursBetween({ startAt, endAt }: { startAt: string; endAt: string }): number {
  return (Date.parse(endAt) - Date.parse(startAt)) / 3_600_000;
}

/** 09:00..11:30 IST on one date, as UTC instants (IST is UTC+05:30 all year). */
function kolkataMorning(date: string): string[] {
  return ['03:30', '04:00', '04:30', '05:00', '05:30', '06:00'].map((time) => `${date}T${time}:00.000Z`);
}

describe('isValidHhMm', () => {
  it.each(['00:00', '09:05', '23:59'])('accepts %s', (value) => {
    expect(isValidHhMm(value)).toBe(true);
  });
  it.each(['24:00', '9:00', '12:60', '25:00', '', '09:00:00', '09-00', ' 09:00'])('rejects %j', (value) => {
    expect(isValidHhMm(value)).toBe(false);
  });
  it('accepts 24:00 only as an end time', () => {
    expect(isValidEndHhMm('24:00')).toBe(true);
    expect(isValidEndHhMm('23:59')).toBe(true);
    expect(isValidEndHhMm('24:01')).toBe(false);
  });
});

describe('generateSlots in a zone without DST (Asia/Kolkata, UTC+05:30)', () => {
  it('produces a plain week of 30-minute slots, Monday to Friday only', () => {
    const slots = slotsFor({});

    expect(slots).toHaveLength(5 * 6);
    expect(slots[0]).toEqual({ startAt: '2026-03-23T03:30:00.000Z', endAt: '2026-03-23T04:00:00.000Z', localDate: '2026-03-23', localStart: '09:00', localEnd: '09:30', free: true });
    expect(slots.at(-1)).toEqual({ startAt: '2026-03-27T06:00:00.000Z', endAt: '2026-03-27T06:30:00.000Z', localDate: '2026-03-27', localStart: '11:30', localEnd: '12:00', free: true });
    for (const date of ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27']) {
      expect(startsOn(slots, date)).toEqual(kolkataMorning(date));
    }
    expect(startsOn(slots, '2026-03-28')).toEqual([]);
    expect(startsOn(slots, '2026-03-29')).toEqual([]);
    expect(slots.every((slot) => slot.free)).toBe(true);
  });

  it('skips slots that overlap a break and keeps stepping from the session start', () => {
    const slots = slotsFor({
      sessions: [session(1, '09:00', '13:00', 30, [{ start: '11:00', end: '11:30' }]), session(2, '09:00', '12:00', 45, [{ start: '10:30', end: '11:00' }])],
      fromDate: '2026-03-23',
      toDate: '2026-03-24',
    });

    expect(slots.filter((slot) => slot.localDate === '2026-03-23').map((slot) => slot.localStart)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:30', '12:00', '12:30']);
    // 45-minute steps from 09:00 put a slot at 10:30..11:15, which the break removes; 11:15 still fits.
    expect(slots.filter((slot) => slot.localDate === '2026-03-24').map((slot) => [slot.localStart, slot.localEnd])).toEqual([
      ['09:00', '09:45'],
      ['09:45', '10:30'],
      ['11:15', '12:00'],
    ]);
    expect(startsOn(slots, '2026-03-24')).toEqual(['2026-03-24T03:30:00.000Z', '2026-03-24T04:15:00.000Z', '2026-03-24T05:45:00.000Z']);
  });

  it('drops a slot that would run past the session end, and shows a midnight end as 24:00', () => {
    const slots = slotsFor({ sessions: [session(1, '22:00', '24:00', 50)], fromDate: '2026-03-23', toDate: '2026-03-23' });
    expect(slots.map((slot) => [slot.startAt, slot.localStart, slot.localEnd])).toEqual([
      ['2026-03-23T16:30:00.000Z', '22:00', '22:50'],
      ['2026-03-23T17:20:00.000Z', '22:50', '23:40'],
    ]);

    const lastSlot = slotsFor({ sessions: [session(1, '23:00', '24:00', 60)], fromDate: '2026-03-23', toDate: '2026-03-23' });
    expect(lastSlot).toEqual([{ startAt: '2026-03-23T17:30:00.000Z', endAt: '2026-03-23T18:30:00.000Z', localDate: '2026-03-23', localStart: '23:00', localEnd: '24:00', free: true }]);
  });

  it('removes a whole day of leave', () => {
    const leave: ScheduleException = { date: '2026-03-25', kind: 'LEAVE', startTime: null, endTime: null, slotMinutes: null };
    const slots = slotsFor({ exceptions: [leave] });

    expect(slots).toHaveLength(4 * 6);
    expect(startsOn(slots, '2026-03-25')).toEqual([]);
    expect(startsOn(slots, '2026-03-24')).toEqual(kolkataMorning('2026-03-24'));
    expect(startsOn(slots, '2026-03-26')).toEqual(kolkataMorning('2026-03-26'));
  });

  it('removes only the slots that overlap partial leave', () => {
    const slots = slotsFor({
      exceptions: [
        { date: '2026-03-25', kind: 'LEAVE', startTime: '10:00', endTime: '11:00', slotMinutes: null },
        // Not aligned to the slots: touches 09:00..09:30 and 09:30..10:00 on Thursday, but 12:00 is the end.
        { date: '2026-03-26', kind: 'LEAVE', startTime: '09:15', endTime: '09:45', slotMinutes: null },
        { date: '2026-03-27', kind: 'LEAVE', startTime: '12:00', endTime: '13:00', slotMinutes: null },
      ],
    });

    expect(startsOn(slots, '2026-03-25')).toEqual(['2026-03-25T03:30:00.000Z', '2026-03-25T04:00:00.000Z', '2026-03-25T05:30:00.000Z', '2026-03-25T06:00:00.000Z']);
    expect(startsOn(slots, '2026-03-26')).toEqual(['2026-03-26T04:30:00.000Z', '2026-03-26T05:00:00.000Z', '2026-03-26T05:30:00.000Z', '2026-03-26T06:00:00.000Z']);
    expect(startsOn(slots, '2026-03-27')).toEqual(kolkataMorning('2026-03-27'));
  });

  it('closes the clinic on a holiday, but an EXTRA session that day still counts', () => {
    const holiday: ScheduleException = { date: '2026-03-23', kind: 'HOLIDAY', startTime: null, endTime: null, slotMinutes: null };
    const extra: ScheduleException = { date: '2026-03-23', kind: 'EXTRA', startTime: '17:00', endTime: '18:00', slotMinutes: 30 };

    expect(startsOn(slotsFor({ exceptions: [holiday] }), '2026-03-23')).toEqual([]);
    expect(startsOn(slotsFor({ exceptions: [holiday, extra] }), '2026-03-23')).toEqual(['2026-03-23T11:30:00.000Z', '2026-03-23T12:00:00.000Z']);
  });

  it('keeps an EXTRA session through partial leave, which only removes weekly slots', () => {
    const slots = slotsFor({
      exceptions: [
        { date: '2026-03-23', kind: 'LEAVE', startTime: '09:00', endTime: '12:00', slotMinutes: null },
        { date: '2026-03-23', kind: 'EXTRA', startTime: '11:00', endTime: '12:00', slotMinutes: 60 },
      ],
    });
    expect(slots.filter((slot) => slot.localDate === '2026-03-23')).toEqual([
      { startAt: '2026-03-23T05:30:00.000Z', endAt: '2026-03-23T06:30:00.000Z', localDate: '2026-03-23', localStart: '11:00', localEnd: '12:00', free: true },
    ]);
  });

  it('adds an EXTRA session on a day without weekly sessions', () => {
    const slots = slotsFor({ exceptions: [{ date: '2026-03-28', kind: 'EXTRA', startTime: '14:00', endTime: '15:00', slotMinutes: 20 }] });

    expect(slots).toHaveLength(5 * 6 + 3);
    expect(slots.filter((slot) => slot.localDate === '2026-03-28')).toEqual([
      { startAt: '2026-03-28T08:30:00.000Z', endAt: '2026-03-28T08:50:00.000Z', localDate: '2026-03-28', localStart: '14:00', localEnd: '14:20', free: true },
      { startAt: '2026-03-28T08:50:00.000Z', endAt: '2026-03-28T09:10:00.000Z', localDate: '2026-03-28', localStart: '14:20', localEnd: '14:40', free: true },
      { startAt: '2026-03-28T09:10:00.000Z', endAt: '2026-03-28T09:30:00.000Z', localDate: '2026-03-28', localStart: '14:40', localEnd: '15:00', free: true },
    ]);
  });

  it('keeps one slot when two sessions start at the same instant, and sorts by start', () => {
    const slots = slotsFor({
      sessions: [session(1, '10:00', '11:00'), session(1, '09:00', '11:00')],
      exceptions: [{ date: '2026-03-23', kind: 'EXTRA', startTime: '08:30', endTime: '10:00', slotMinutes: 30 }],
      fromDate: '2026-03-23',
      toDate: '2026-03-23',
    });
    expect(slots.map((slot) => slot.localStart)).toEqual(['08:30', '09:00', '09:30', '10:00', '10:30']);
    expect(slots.map((slot) => slot.startAt)).toEqual(['2026-03-23T03:00:00.000Z', ...kolkataMorning('2026-03-23').slice(0, 4)]);
  });

  it('marks slots overlapping busy intervals as not free, with half-open overlap', () => {
    const slots = slotsFor({
      fromDate: '2026-03-23',
      toDate: '2026-03-23',
      busy: [
        { startAt: '2026-03-23T03:00:00.000Z', endAt: '2026-03-23T03:30:00.000Z' }, // ends as 09:00 starts
        { startAt: '2026-03-23T04:10:00.000Z', endAt: '2026-03-23T04:40:00.000Z' }, // inside 09:30 and 10:00
        { startAt: '2026-03-23T11:00:00+05:30', endAt: '2026-03-23T11:30:00+05:30' }, // 11:00 written in IST
        { startAt: '2026-03-23T06:30:00.000Z', endAt: '2026-03-23T07:00:00.000Z' }, // starts as 11:30 ends
      ],
    });
    expect(slots.map((slot) => [slot.localStart, slot.free])).toEqual([
      ['09:00', true],
      ['09:30', false],
      ['10:00', false],
      ['10:30', true],
      ['11:00', false],
      ['11:30', true],
    ]);
  });

  it('treats one long busy interval across days as busy throughout', () => {
    const slots = slotsFor({ busy: [{ startAt: '2026-03-24T05:00:00.000Z', endAt: '2026-03-26T04:00:00.000Z' }] });
    const busyStarts = slots.filter((slot) => !slot.free).map((slot) => slot.startAt);
    expect(busyStarts).toEqual(['2026-03-24T05:00:00.000Z', '2026-03-24T05:30:00.000Z', '2026-03-24T06:00:00.000Z', ...kolkataMorning('2026-03-25'), '2026-03-26T03:30:00.000Z']);
  });
});

describe('generateSlots across Europe/London DST changes', () => {
  afterEach(() => {
    vi.useRealTimers();
    Settings.resetCaches();
  });

  it('moves "Monday 09:00" from 09:00Z to 08:00Z after the spring change', () => {
    const slots = generateSlots({ timeZone: LONDON, sessions: [session(1, '09:00', '10:00')], exceptions: [], fromDate: '2026-03-23', toDate: '2026-03-30', busy: [] });
    expect(slots.map((slot) => [slot.localDate, slot.localStart, slot.startAt, slot.endAt])).toEqual([
      ['2026-03-23', '09:00', '2026-03-23T09:00:00.000Z', '2026-03-23T09:30:00.000Z'],
      ['2026-03-23', '09:30', '2026-03-23T09:30:00.000Z', '2026-03-23T10:00:00.000Z'],
      ['2026-03-30', '09:00', '2026-03-30T08:00:00.000Z', '2026-03-30T08:30:00.000Z'],
      ['2026-03-30', '09:30', '2026-03-30T08:30:00.000Z', '2026-03-30T09:00:00.000Z'],
    ]);
  });

  it('skips the local times that do not exist on 2026-03-29 (01:00 jumps to 02:00)', () => {
    const slots = generateSlots({ timeZone: LONDON, sessions: [session(7, '00:00', '03:00')], exceptions: [], fromDate: '2026-03-29', toDate: '2026-03-29', busy: [] });
    expect(slots).toEqual([
      { startAt: '2026-03-29T00:00:00.000Z', endAt: '2026-03-29T00:30:00.000Z', localDate: '2026-03-29', localStart: '00:00', localEnd: '00:30', free: true },
      // 30 real minutes after 00:30 GMT is 02:00 BST.
      { startAt: '2026-03-29T00:30:00.000Z', endAt: '2026-03-29T01:00:00.000Z', localDate: '2026-03-29', localStart: '00:30', localEnd: '02:00', free: true },
      { startAt: '2026-03-29T01:00:00.000Z', endAt: '2026-03-29T01:30:00.000Z', localDate: '2026-03-29', localStart: '02:00', localEnd: '02:30', free: true },
      { startAt: '2026-03-29T01:30:00.000Z', endAt: '2026-03-29T02:00:00.000Z', localDate: '2026-03-29', localStart: '02:30', localEnd: '03:00', free: true },
    ]);
  });

  const autumnNight = [
    { startAt: '2026-10-24T23:00:00.000Z', endAt: '2026-10-24T23:30:00.000Z', localDate: '2026-10-25', localStart: '00:00', localEnd: '00:30', free: true },
    { startAt: '2026-10-24T23:30:00.000Z', endAt: '2026-10-25T00:00:00.000Z', localDate: '2026-10-25', localStart: '00:30', localEnd: '01:00', free: true },
    { startAt: '2026-10-25T00:00:00.000Z', endAt: '2026-10-25T00:30:00.000Z', localDate: '2026-10-25', localStart: '01:00', localEnd: '01:30', free: true },
    // The first 01:30 (BST); 30 real minutes later the clocks have gone back to 01:00 GMT.
    { startAt: '2026-10-25T00:30:00.000Z', endAt: '2026-10-25T01:00:00.000Z', localDate: '2026-10-25', localStart: '01:30', localEnd: '01:00', free: true },
    { startAt: '2026-10-25T02:00:00.000Z', endAt: '2026-10-25T02:30:00.000Z', localDate: '2026-10-25', localStart: '02:00', localEnd: '02:30', free: true },
    { startAt: '2026-10-25T02:30:00.000Z', endAt: '2026-10-25T03:00:00.000Z', localDate: '2026-10-25', localStart: '02:30', localEnd: '03:00', free: true },
  ];

  function autumnSlots(): Slot[] {
    return generateSlots({
      timeZone: LONDON,
      sessions: [session(7, '00:00', '03:00')],
      exceptions: [],
      fromDate: '2026-10-25',
      toDate: '2026-10-25',
      // The repeated hour, 01:00..02:00 GMT, is busy: slots placed on the first occurrence stay free.
      busy: [{ startAt: '2026-10-25T01:00:00.000Z', endAt: '2026-10-25T02:00:00.000Z' }],
    });
  }

  it('maps the repeated 01:00 and 01:30 on 2026-10-25 to their first occurrences', () => {
    expect(autumnSlots()).toEqual(autumnNight);
  });

  // Luxon on its own resolves an ambiguous time with the offset in force when the code runs.
  it.each([
    ['in summer', '2026-07-15T12:00:00.000Z'],
    ['in winter', '2026-01-15T12:00:00.000Z'],
  ])('gives the same autumn slots whatever the date the code runs %s', (_season, now) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(now));
    Settings.resetCaches();
    expect(autumnSlots()).toEqual(autumnNight);
  });

  it('keeps "Monday 09:00" local after the autumn change', () => {
    const slots = generateSlots({ timeZone: LONDON, sessions: [session(1, '09:00', '09:30')], exceptions: [], fromDate: '2026-10-19', toDate: '2026-10-26', busy: [] });
    expect(slots.map((slot) => slot.startAt)).toEqual(['2026-10-19T08:00:00.000Z', '2026-10-26T09:00:00.000Z']);
  });
});

describe('generateSlots across America/New_York DST changes', () => {
  it('moves "Monday 09:00" from 14:00Z to 13:00Z after 2026-03-08 and skips 02:00 that night', () => {
    const slots = generateSlots({
      timeZone: NEW_YORK,
      sessions: [session(1, '09:00', '09:30'), session(7, '01:00', '04:00', 60)],
      exceptions: [],
      fromDate: '2026-03-02',
      toDate: '2026-03-09',
      busy: [],
    });
    expect(slots.map((slot) => [slot.localDate, slot.localStart, slot.localEnd, slot.startAt, slot.endAt])).toEqual([
      ['2026-03-02', '09:00', '09:30', '2026-03-02T14:00:00.000Z', '2026-03-02T14:30:00.000Z'],
      ['2026-03-08', '01:00', '03:00', '2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z'],
      ['2026-03-08', '03:00', '04:00', '2026-03-08T07:00:00.000Z', '2026-03-08T08:00:00.000Z'],
      ['2026-03-09', '09:00', '09:30', '2026-03-09T13:00:00.000Z', '2026-03-09T13:30:00.000Z'],
    ]);
  });

  it('moves "Monday 09:00" from 13:00Z to 14:00Z after 2026-11-01 and uses the first 01:00 that night', () => {
    const slots = generateSlots({
      timeZone: NEW_YORK,
      sessions: [session(1, '09:00', '09:30'), session(7, '01:00', '04:00', 60)],
      exceptions: [],
      fromDate: '2026-10-26',
      toDate: '2026-11-02',
      busy: [],
    });
    expect(slots.map((slot) => [slot.localDate, slot.localStart, slot.localEnd, slot.startAt, slot.endAt])).toEqual([
      ['2026-10-26', '09:00', '09:30', '2026-10-26T13:00:00.000Z', '2026-10-26T13:30:00.000Z'],
      ['2026-11-01', '01:00', '01:00', '2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z'],
      ['2026-11-01', '02:00', '03:00', '2026-11-01T07:00:00.000Z', '2026-11-01T08:00:00.000Z'],
      ['2026-11-01', '03:00', '04:00', '2026-11-01T08:00:00.000Z', '2026-11-01T09:00:00.000Z'],
      ['2026-11-02', '09:00', '09:30', '2026-11-02T14:00:00.000Z', '2026-11-02T14:30:00.000Z'],
    ]);
  });
});

describe('localDayBounds', () => {
  it('is 23 hours on the London spring change and 25 on the autumn one', () => {
    const spring = localDayBounds('2026-03-29', LONDON);
    expect(spring).toEqual({ startAt: '2026-03-29T00:00:00.000Z', endAt: '2026-03-29T23:00:00.000Z' });
    expect(hoursBetween(spring)).toBe(23);

    const autumn = localDayBounds('2026-10-25', LONDON);
    expect(autumn).toEqual({ startAt: '2026-10-24T23:00:00.000Z', endAt: '2026-10-26T00:00:00.000Z' });
    expect(hoursBetween(autumn)).toBe(25);

    expect(localDayBounds('2026-03-30', LONDON)).toEqual({ startAt: '2026-03-29T23:00:00.000Z', endAt: '2026-03-30T23:00:00.000Z' });
  });

  it('is 23 and 25 hours on the New York changes, and 24 in Kolkata', () => {
    expect(localDayBounds('2026-03-08', NEW_YORK)).toEqual({ startAt: '2026-03-08T05:00:00.000Z', endAt: '2026-03-09T04:00:00.000Z' });
    expect(localDayBounds('2026-11-01', NEW_YORK)).toEqual({ startAt: '2026-11-01T04:00:00.000Z', endAt: '2026-11-02T05:00:00.000Z' });
    expect(localDayBounds('2026-03-29', KOLKATA)).toEqual({ startAt: '2026-03-28T18:30:00.000Z', endAt: '2026-03-29T18:30:00.000Z' });
  });

  it('starts the day when the clocks jump if midnight itself is skipped', () => {
    // Chile springs forward at midnight: 2026-09-06 begins at 01:00 local (-03:00).
    expect(localDayBounds('2026-09-06', 'America/Santiago')).toEqual({ startAt: '2026-09-06T04:00:00.000Z', endAt: '2026-09-07T03:00:00.000Z' });
  });
});

describe('localDateOf', () => {
  it.each([
    ['2026-03-29T23:30:00.000Z', KOLKATA, '2026-03-30'],
    ['2026-03-29T22:59:59.999Z', LONDON, '2026-03-29'],
    ['2026-03-29T23:00:00.000Z', LONDON, '2026-03-30'],
    ['2026-10-24T23:00:00Z', LONDON, '2026-10-25'],
    ['2026-03-09T03:59:00.000Z', NEW_YORK, '2026-03-08'],
    ['2026-03-30T00:30:00+05:30', KOLKATA, '2026-03-30'],
  ])('places %s in %s on %s', (instant, zone, expected) => {
    expect(localDateOf(instant, zone)).toBe(expected);
  });
});

describe('errors', () => {
  const valid: GenerateSlotsInput = { timeZone: KOLKATA, sessions: weekdayMornings, exceptions: [], fromDate: '2026-03-23', toDate: '2026-03-29', busy: [] };

  it('rejects an unknown time zone', () => {
    expect(() => generateSlots({ ...valid, timeZone: 'Mars/Olympus_Mons' })).toThrow(/Unknown time zone 'Mars\/Olympus_Mons'/);
    expect(() => localDateOf('2026-03-23T00:00:00.000Z', 'Nowhere')).toThrow(/Unknown time zone/);
    expect(() => localDayBounds('2026-03-23', '')).toThrow(/Unknown time zone/);
  });

  it.each(['2026-3-23', '2026-02-30', '23/03/2026', 'tomorrow', '2026-03-23T00:00'])('rejects the malformed date %j', (date) => {
    expect(() => generateSlots({ ...valid, fromDate: date })).toThrow(/fromDate must be a date as YYYY-MM-DD/);
    expect(() => generateSlots({ ...valid, toDate: date })).toThrow(/toDate must be a date as YYYY-MM-DD/);
    expect(() => localDayBounds(date, LONDON)).toThrow(/YYYY-MM-DD/);
  });

  it('rejects fromDate after toDate', () => {
    expect(() => generateSlots({ ...valid, fromDate: '2026-03-30', toDate: '2026-03-29' })).toThrow(/fromDate 2026-03-30 is after toDate 2026-03-29/);
  });

  it('accepts a range of 366 days and rejects 367', () => {
    expect(generateSlots({ ...valid, fromDate: '2028-01-01', toDate: '2028-12-31' })).toHaveLength(52 * 5 * 6);
    expect(() => generateSlots({ ...valid, fromDate: '2026-01-01', toDate: '2027-01-02' })).toThrow(/spans 367 days; the most is 366/);
  });

  it('rejects an instant without an offset, which would otherwise be read in the clinic zone', () => {
    expect(() => localDateOf('2026-03-23T00:00:00', LONDON)).toThrow(/offset or 'Z'/);
    expect(() => generateSlots({ ...valid, busy: [{ startAt: '2026-03-23T04:00:00', endAt: '2026-03-23T05:00:00Z' }] })).toThrow(/busy\[0\]\.startAt/);
  });

  it('rejects sessions and exceptions that cannot produce slots', () => {
    expect(() => generateSlots({ ...valid, sessions: [session(1, '09:00', '12:00', 0)] })).toThrow(/slotMinutes/);
    expect(() => generateSlots({ ...valid, sessions: [session(8, '09:00', '12:00')] })).toThrow(/weekday/);
    expect(() => generateSlots({ ...valid, sessions: [session(1, '12:00', '09:00')] })).toThrow(/end after it starts/);
    expect(() => generateSlots({ ...valid, sessions: [session(1, '9:00', '12:00')] })).toThrow(/00:00 to 23:59/);
    expect(() => generateSlots({ ...valid, exceptions: [{ date: '2026-03-23', kind: 'EXTRA', startTime: '09:00', endTime: null, slotMinutes: 30 }] })).toThrow(/needs startTime, endTime and slotMinutes/);
    expect(() => generateSlots({ ...valid, exceptions: [{ date: '2026-03-23', kind: 'LEAVE', startTime: '09:00', endTime: null, slotMinutes: null }] })).toThrow(/both startTime and endTime/);
  });
});
