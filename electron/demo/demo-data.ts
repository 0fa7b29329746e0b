import type { Role } from '#shared/domain/roles.ts';

/** The demo's chain: Riverside and Hillview share patients and staff. */
export const demoOrganizationName = 'Riverside Health Group';

/** Documented in the README: anyone trying the demo signs in with these. */
export const demoUsers: readonly { username: string; password: string; fullName: string; role: Role; bothClinics: boolean }[] = [
  { username: 'admin', password: 'demo-admin', fullName: 'Amara Okafor', role: 'ADMIN', bothClinics: true },
  { username: 'doctor', password: 'demo-doctor', fullName: 'Dr. Rahul Mehta', role: 'DOCTOR', bothClinics: true },
  { username: 'staff', password: 'demo-staff', fullName: 'Sofia Lindqvist', role: 'STAFF', bothClinics: false },
  { username: 'pharmacist', password: 'demo-pharmacist', fullName: 'Kenji Watanabe', role: 'PHARMACIST', bothClinics: false },
];

const DEMO_FALLBACK_TIME_ZONE = 'Europe/London';

/**
 * The machine's own zone, so the demo's day matches the clock on the wall: its doctors' sessions
 * and bookings fall in the hours a person trying it is awake. A machine set to UTC or an offset
 * zone gets the demo clinics' home zone, as their addresses are in England.
 */
export function demoTimeZone(machineZone = new Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  return machineZone.includes('/') && !machineZone.startsWith('Etc/') ? machineZone : DEMO_FALLBACK_TIME_ZONE;
}

export const demoClinics = [
  {
    code: 'RFC01',
    name: 'Riverside Family Clinic',
    country: 'GB',
    state: 'England',
    city: 'Bristol',
    address: '12 Quay Street, BS1 4DJ',
    phone: '+44 117 496 0000',
    currency: 'GBP',
    timeZone: demoTimeZone(),
  },
  {
    code: 'HVC01',
    name: 'Hillview Clinic',
    country: 'GB',
    state: 'England',
    city: 'Bath',
    address: '3 Lansdown Road, BA1 5EE',
    phone: '+44 1225 496 000',
    currency: 'GBP',
    timeZone: demoTimeZone(),
  },
] as const;

/**
 * A practice of its own, outside the chain, so the boundary between organizations can be tried by
 * hand: its administrator sees nothing of Riverside's or Hillview's, and theirs nothing of it.
 */
export const demoSeparatePractice = {
  organizationName: 'Lakeside Medical Practice',
  clinic: {
    code: 'LKS01',
    name: 'Lakeside Medical Practice',
    country: 'GB',
    state: 'England',
    city: 'Keswick',
    address: '5 Lake Road, CA12 5BX',
    phone: '+44 17687 96000',
    currency: 'GBP',
    timeZone: demoTimeZone(),
  },
  admin: { username: 'lakeside', password: 'demo-lakeside', fullName: 'Morag Campbell' },
} as const;
