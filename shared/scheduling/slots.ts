import { DateTime, IANAZone } from 'luxon';

/** Wall-clock time 'HH:MM'. Starts are 00:00..23:59; ends may also be '24:00' (the next midnight). */
export type HhMm = string;

export type SessionBreak = { start: HhMm; end: HhMm };

/** A recurring session in the clinic's local wall-clock time. */
export type WeeklySession = {
  /** ISO weekday, 1 = Monday .. 7 = Sunday. */
  weekday: number;
  startTime: HhMm;
  endTime: HhMm;
  slotMinutes: number;
  breaks: readonly SessionBreak[];
};

export type ScheduleExceptionKind = 'LEAVE' | 'HOLIDAY' | 'EXTRA';

/**
 * A one-date change to the weekly schedule. LEAVE and HOLIDAY take time away (the whole day when
 * both times are null); EXTRA adds a session and needs both times and slotMinutes.
 */
export type ScheduleException = {
  /** Local date, YYYY-MM-DD. */
  date: string;
  kind: ScheduleExceptionKind;
  startTime: HhMm | null;
  endTime: HhMm | null;
  slotMinutes: number | null;
};

/** UTC ISO-8601 instants, half-open [startAt, endAt). */
export type BusyInterval = { startAt: string; endAt: string };

export type Slot = {
  /** UTC instant with milliseconds and 'Z', e.g. '2026-03-30T08:00:00.000Z'. */
  startAt: string;
  endAt: string;
  localDate: string;
  localStart: HhMm;
  /** Wall-clock time of endAt; '24:00' when the slot ends exactly at the next local midnight. */
  localEnd: HhMm;
  free: boolean;
};

export type GenerateSlotsInput = {
  /** IANA zone of the clinic, e.g. 'Europe/London'. */
  timeZone: string;
  sessions: readonly WeeklySession[];
  exceptions: readonly ScheduleException[];
  /** First and last local dates, both inclusive. */
  fromDate: string;
  toDate: string;
  busy: readonly BusyInterval[];
};

/** Longest range generateSlots accepts, counted in local dates, so a whole leap year fits. */
export const MAX_RANGE_DAYS = 366;

const MINUTES_PER_DAY = 24 * 60;
const HH_MM_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// An instant must say its own offset; without one luxon would read it in the zone passed alongside.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** 'HH:MM' from 00:00 to 23:59. */
export function isValidHhMm(value: string): boolean {
  return HH_MM_PATTERN.test(value);
}

/** Like isValidHhMm, but also accepts '24:00', which only makes sense as the end of a range. */
export function isValidEndHhMm(value: string): boolean {
  return value === '24:00' || isValidHhMm(value);
}

function minutesOf(value: HhMm, what: string, { isEnd }: { isEnd: boolean }): number {
  if (!(isEnd ? isValidEndHhMm(value) : isValidHhMm(value))) {
    throw new Error(`${what} must be a time from 00:00 to ${isEnd ? '24:00' : '23:59'}, got '${value}'`);
  }
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

function hhMmOf(minutes: number): HhMm {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function requireZone(timeZone: string): IANAZone {
  if (!IANAZone.isValidZone(timeZone)) throw new Error(`Unknown time zone '${timeZone}'`);
  return IANAZone.create(timeZone);
}

/** A calendar date held as UTC midnight, so stepping by days never meets a DST change. */
function parseLocalDate(date: string, what: string): DateTime<true> {
  const parsed = DATE_PATTERN.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  if (!parsed?.isValid) throw new Error(`${what} must be a date as YYYY-MM-DD, got '${date}'`);
  return parsed;
}

function parseInstant(instantIso: string, what: string): number {
  const parsed = INSTANT_PATTERN.test(instantIso) ? DateTime.fromISO(instantIso) : null;
  if (!parsed?.isValid) throw new Error(`${what} must be an ISO-8601 instant with an offset or 'Z', got '${instantIso}'`);
  return parsed.toMillis();
}

/**
 * The earliest instant showing this wall-clock time in the zone, or null when a spring-forward
 * change skips it. Deliberately not luxon's own pick for an ambiguous time: fromObject resolves it
 * with the offset in force when the code runs, so the answer would change between summer and winter.
 */
function earliestInstantAt(date: DateTime<true>, minuteOfDay: number, zone: IANAZone): DateTime<true> | null {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const guess = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone });
  // Inside a gap luxon moves the time forward rather than failing, so a changed clock means skipped.
  if (!guess.isValid || guess.hour !== hour || guess.minute !== minute) return null;
  return guess.getPossibleOffsets().reduce((earliest, candidate) => (candidate.toMillis() < earliest.toMillis() ? candidate : earliest));
}

/** When the local date begins: midnight, or the end of the gap when a change skips midnight itself. */
function startOfLocalDay(date: DateTime<true>, zone: IANAZone): DateTime<true> {
  const guess = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone });
  if (!guess.isValid) throw new Error(`Cannot place ${date.toISODate()} in ${zone.name}`);
  return earliestInstantAt(date, 0, zone) ?? guess;
}

/** The local YYYY-MM-DD, in timeZone, of an instant. */
export function localDateOf(instantIso: string, timeZone: string): string {
  const local = DateTime.fromMillis(parseInstant(instantIso, 'instant'), { zone: requireZone(timeZone) });
  if (!local.isValid) throw new Error(`Cannot place ${instantIso} in ${timeZone}`);
  return local.toISODate();
}

/** UTC instants of the local day's start and the next day's start: 23 or 25 hours apart on DST days. */
export function localDayBounds(date: string, timeZone: string): { startAt: string; endAt: string } {
  const zone = requireZone(timeZone);
  const day = parseLocalDate(date, 'date');
  return {
    startAt: toUtcIso(startOfLocalDay(day, zone).toMillis()),
    endAt: toUtcIso(startOfLocalDay(day.plus({ days: 1 }), zone).toMillis()),
  };
}

function toUtcIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Half-open [start, end): minutes of a local day, or epoch milliseconds for busy time. */
type Range = { start: number; end: number };

/** A session reduced to minutes of the day, whether weekly or from an EXTRA exception. */
type DaySession = Range & { slotMinutes: number; breaks: readonly Range[]; weekly: boolean };

type DayExceptions = { extras: DaySession[]; wholeDayOff: boolean; partialOff: Range[] };

function minuteRange(start: HhMm, end: HhMm, what: string): Range {
  const range = { start: minutesOf(start, `${what} start`, { isEnd: false }), end: minutesOf(end, `${what} end`, { isEnd: true }) };
  if (range.end <= range.start) throw new Error(`${what} must end after it starts (${start}–${end})`);
  return range;
}

function requireSlotMinutes(value: number, what: string): number {
  if (!Number.isInteger(value) || value <= 0 || value > MINUTES_PER_DAY) {
    throw new Error(`${what} slotMinutes must be a whole number of minutes from 1 to ${MINUTES_PER_DAY}, got ${value}`);
  }
  return value;
}

function toDaySession(session: WeeklySession, index: number): DaySession & { weekday: number } {
  const what = `Session ${index + 1}`;
  if (!Number.isInteger(session.weekday) || session.weekday < 1 || session.weekday > 7) {
    throw new Error(`${what} weekday must be 1 (Monday) to 7 (Sunday), got ${session.weekday}`);
  }
  return {
    ...minuteRange(session.startTime, session.endTime, what),
    slotMinutes: requireSlotMinutes(session.slotMinutes, what),
    breaks: session.breaks.map((pause, breakIndex) => minuteRange(pause.start, pause.end, `${what} break ${breakIndex + 1}`)),
    weekly: true,
    weekday: session.weekday,
  };
}

function groupExceptions(exceptions: readonly ScheduleException[]): Map<string, DayExceptions> {
  const byDate = new Map<string, DayExceptions>();
  exceptions.forEach((exception, index) => {
    const what = `Exception ${index + 1} (${exception.kind} on ${exception.date})`;
    parseLocalDate(exception.date, `${what} date`);
    const day = byDate.get(exception.date) ?? { extras: [], wholeDayOff: false, partialOff: [] };
    byDate.set(exception.date, day);
    const { startTime, endTime } = exception;
    if (exception.kind === 'EXTRA') {
      if (startTime === null || endTime === null || exception.slotMinutes === null) {
        throw new Error(`${what} needs startTime, endTime and slotMinutes`);
      }
      day.extras.push({ ...minuteRange(startTime, endTime, what), slotMinutes: requireSlotMinutes(exception.slotMinutes, what), breaks: [], weekly: false });
    } else if (startTime === null && endTime === null) {
      day.wholeDayOff = true;
    } else if (startTime !== null && endTime !== null) {
      day.partialOff.push(minuteRange(startTime, endTime, what));
    } else {
      throw new Error(`${what} needs both startTime and endTime, or neither for the whole day`);
    }
  });
  return byDate;
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Busy time as sorted, disjoint [start, end) milliseconds, so each slot needs one binary search. */
function mergeBusy(busy: readonly BusyInterval[]): Range[] {
  const ranges = busy
    .map((interval, index) => ({ start: parseInstant(interval.startAt, `busy[${index}].startAt`), end: parseInstant(interval.endAt, `busy[${index}].endAt`) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function isBusy(merged: readonly Range[], slot: Range): boolean {
  // The last busy range starting before the slot ends has the latest end of all such ranges.
  let low = 0;
  let high = merged.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((merged[middle]?.start ?? Infinity) < slot.end) low = middle + 1;
    else high = middle;
  }
  const candidate = merged[low - 1];
  return candidate !== undefined && overlaps(candidate, slot);
}

function localEndOf(endAt: DateTime<true>, localDate: string): HhMm {
  const minutes = endAt.hour * 60 + endAt.minute;
  return minutes === 0 && endAt.toISODate() !== localDate ? '24:00' : hhMmOf(minutes);
}

/**
 * Bookable slots between two local dates. Sessions step in wall-clock time; each slot's start is
 * placed in the clinic's zone (skipped in a spring-forward gap, the first occurrence when a
 * fall-back repeats it) and lasts slotMinutes of real time. Leave with times removes weekly slots
 * only, as whole-day leave does, so an EXTRA session always stands.
 */
export function generateSlots(input: GenerateSlotsInput): Slot[] {
  const zone = requireZone(input.timeZone);
  const from = parseLocalDate(input.fromDate, 'fromDate');
  const to = parseLocalDate(input.toDate, 'toDate');
  if (from.toMillis() > to.toMillis()) throw new Error(`fromDate ${input.fromDate} is after toDate ${input.toDate}`);
  const dayCount = to.diff(from, 'days').days + 1;
  if (dayCount > MAX_RANGE_DAYS) throw new Error(`The range ${input.fromDate}..${input.toDate} spans ${dayCount} days; the most is ${MAX_RANGE_DAYS}`);

  const weekly = input.sessions.map(toDaySession);
  const exceptionsByDate = groupExceptions(input.exceptions);
  const busy = mergeBusy(input.busy);
  // Keyed by start instant: when two sessions produce the same start, the first one generated wins.
  const slots = new Map<number, Slot>();

  for (let date = from; date.toMillis() <= to.toMillis(); date = date.plus({ days: 1 })) {
    const localDate = date.toISODate();
    const day = exceptionsByDate.get(localDate);
    const sessions = [...(day?.wholeDayOff ? [] : weekly.filter((session) => session.weekday === date.weekday)), ...(day?.extras ?? [])];
    for (const session of sessions) {
      const removed = session.weekly ? [...session.breaks, ...(day?.partialOff ?? [])] : session.breaks;
      for (let start = session.start; start + session.slotMinutes <= session.end; start += session.slotMinutes) {
        const nominal = { start, end: start + session.slotMinutes };
        if (removed.some((range) => overlaps(range, nominal))) continue;
        const startAt = earliestInstantAt(date, start, zone);
        if (startAt === null || slots.has(startAt.toMillis())) continue;
        // Minutes are added as elapsed time, so a slot spanning a change still lasts slotMinutes.
        const endAt = startAt.plus({ minutes: session.slotMinutes });
        const real = { start: startAt.toMillis(), end: endAt.toMillis() };
        slots.set(real.start, {
          startAt: toUtcIso(real.start),
          endAt: toUtcIso(real.end),
          localDate,
          localStart: hhMmOf(start),
          localEnd: localEndOf(endAt, localDate),
          free: !isBusy(busy, real),
        });
      }
    }
  }
  return [...slots.entries()].sort(([a], [b]) => a - b).map(([, slot]) => slot);
}
