import type { Role } from '#shared/domain/roles.ts';

/** Documented in the README: anyone trying the demo signs in with these. */
export const demoUsers: readonly { username: string; password: string; fullName: string; role: Role; bothClinics: boolean }[] = [
  { username: 'admin', password: 'demo-admin', fullName: 'Amara Okafor', role: 'ADMIN', bothClinics: true },
  { username: 'doctor', password: 'demo-doctor', fullName: 'Dr. Rahul Mehta', role: 'DOCTOR', bothClinics: true },
  { username: 'staff', password: 'demo-staff', fullName: 'Sofia Lindqvist', role: 'STAFF', bothClinics: false },
  { username: 'pharmacist', password: 'demo-pharmacist', fullName: 'Kenji Watanabe', role: 'PHARMACIST', bothClinics: false },
];

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
    timeZone: 'Europe/London',
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
    timeZone: 'Europe/London',
  },
] as const;
