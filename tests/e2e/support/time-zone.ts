/** Zones on every side of the world with their hours; the test picks the one nearest noon now. */
const CANDIDATES = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Athens',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Brisbane',
  'Pacific/Noumea',
  'Pacific/Auckland',
];

function localHour(zone: string, now: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(now));
}

/**
 * A clinic zone where it is now around midday, so a same-day appointment can be booked and
 * checked in whenever the test runs.
 */
export function zoneNearNoon(now = new Date()): { zone: string; weekday: string; label: string } {
  const zone = CANDIDATES.reduce((best, candidate) => (Math.abs(localHour(candidate, now) - 12) < Math.abs(localHour(best, now) - 12) ? candidate : best));
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long' }).format(now);
  return { zone, weekday, label: zone.replaceAll('_', ' ') };
}
