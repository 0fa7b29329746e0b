// Expiry, in the clinic's days. A pack is usable through its expiry day and expired the day after.

export const expiryWindowsDays = [30, 60, 90] as const;
export type ExpiryWindow = (typeof expiryWindowsDays)[number];

export type ExpiryStanding = { readonly kind: 'expired'; readonly daysAgo: number } | { readonly kind: 'expiring'; readonly withinDays: ExpiryWindow; readonly daysLeft: number } | { readonly kind: 'good' } | { readonly kind: 'no-expiry' };

const DAY_MS = 86_400_000;

/** Whole days from one local date (YYYY-MM-DD) to another. */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS);
}

export function isExpired(expiryDate: string | null, today: string): boolean {
  return expiryDate !== null && expiryDate < today;
}

export function expiryStanding(expiryDate: string | null, today: string): ExpiryStanding {
  if (expiryDate === null) return { kind: 'no-expiry' };
  const daysLeft = daysBetween(today, expiryDate);
  if (daysLeft < 0) return { kind: 'expired', daysAgo: -daysLeft };
  const window = expiryWindowsDays.find((days) => daysLeft <= days);
  return window === undefined ? { kind: 'good' } : { kind: 'expiring', withinDays: window, daysLeft };
}

/** The local date `days` after `date`, for the bounds of an expiry window in a query. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
