/**
 * Every date and time the screens show is written here, in the active clinic's locale (from its
 * country, shared/domain/clinic-locale.ts) and its zone, whatever the computer's: one format on
 * reception, the queue and the appointment book alike. The renderer shows one clinic at a time, so
 * the session sets that clinic's locale once (setClinicLocale) rather than every call passing it.
 */

let clinicLocale = 'en';

/** The locale of the clinic now open; the session slice calls it whenever the session changes. */
export function setClinicLocale(locale: string): void {
  clinicLocale = locale;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

// One shape of time everywhere, two digits for hours and minutes so times line up in columns;
// whether a day has 24 hours or AM and PM is the locale's.
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', ...TIME };

export function todayIn(timeZone: string, now = new Date()): string {
  return formatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The clinic's local date of an instant. */
export function localDateIn(instant: string, timeZone: string): string {
  return todayIn(timeZone, new Date(instant));
}

/** The time of an instant on the clinic's clock: "09:30" or "09:30 AM", as the clinic's locale writes it. */
export function formatTime(instant: string, timeZone: string, locale = clinicLocale): string {
  return formatter(locale, timeZone, TIME).format(new Date(instant));
}

/** A wall-clock time of the clinic ("09:30", "24:00" for the midnight that ends a day), written like formatTime. */
export function formatWallTime(hhmm: string, locale = clinicLocale): string {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return formatter(locale, 'UTC', TIME).format(new Date(Date.UTC(2000, 0, 1, (hours ?? 0) % 24, minutes ?? 0)));
}

/** "from–to" between two wall-clock times. */
export function formatWallTimes(from: string, to: string, locale = clinicLocale): string {
  return `${formatWallTime(from, locale)}–${formatWallTime(to, locale)}`;
}

/** A calendar date (YYYY-MM-DD): "Mon, 2 Mar 2026". */
export function formatDate(date: string, locale = clinicLocale): string {
  return formatter(locale, 'UTC', DATE).format(new Date(`${date}T00:00:00Z`));
}

/** An instant's date and time on the clinic's clock, its time written like formatTime. */
export function formatDateTime(instant: string, timeZone: string, locale = clinicLocale): string {
  return formatter(locale, timeZone, DATE_TIME).format(new Date(instant));
}

/** The same with seconds, where events a second apart must read apart (the audit log). */
export function formatDateTimeToSecond(instant: string, timeZone: string, locale = clinicLocale): string {
  return formatter(locale, timeZone, { ...DATE_TIME, second: '2-digit' }).format(new Date(instant));
}

export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** "12 min", "1 h 05 min": how long someone has waited. */
export function formatWaited(fromInstant: string, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((nowMs - Date.parse(fromInstant)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The Monday of the week holding a date. */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}
