import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import type { ApiErrorBody } from '#shared/api/errors.ts';
import type { Role } from '#shared/domain/roles.ts';
import { createCore, type Core } from '#core/core.ts';
import { manualClock } from '#core/platform/clock.ts';
import { makeTempDir } from './temp-dir.ts';

export const START_MS = Date.parse('2026-03-02T09:00:00.000Z');

export const sampleClinic = {
  name: 'Riverside Family Clinic',
  code: 'RFC01',
  country: 'GB',
  state: '',
  city: 'Bristol',
  address: '12 Quay Street',
  phone: '+44 117 496 0000',
  currency: 'GBP',
  timeZone: 'Europe/London',
};

export const adminAccount = {
  fullName: 'Ada Admin',
  username: 'ada',
  email: 'ada@example.org',
  phone: '',
  password: 'correct horse battery',
};

export type Harness = {
  readonly core: Core;
  readonly clock: ReturnType<typeof manualClock>;
  readonly dataDir: string;
  /** Calls and returns the result, failing the test on an error. */
  readonly call: <N extends CallName>(name: N, input: CallInput<N>, token?: string | null) => Promise<CallResult<N>>;
  /** Calls and returns the error, failing the test on success. */
  readonly fail: (name: string, input: unknown, token?: string | null) => Promise<ApiErrorBody>;
  readonly close: () => Promise<void>;
};

export async function startHarness(dataDir?: string): Promise<Harness> {
  const temp = dataDir === undefined ? makeTempDir() : null;
  const dir = dataDir ?? temp?.path ?? '';
  const clock = manualClock(START_MS);
  const core = await createCore({ dataDir: dir, clock, deviceName: 'test-desk', appVersion: '0.0.0-test' });
  return {
    core,
    clock,
    dataDir: dir,
    call: async (name, input, token = null) => {
      const outcome = await core.dispatch({ call: name, input, token });
      if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.code} ${outcome.error.message}`);
      return outcome.result as never;
    },
    fail: async (name, input, token = null) => {
      const outcome = await core.dispatch({ call: name, input, token });
      if (outcome.ok) throw new Error(`${name} succeeded but was expected to fail`);
      return outcome.error;
    },
    close: async () => {
      await core.close();
      temp?.remove();
    },
  };
}

/** Sets up the sample clinic and returns the administrator's token. */
export async function setUpClinic(harness: Harness): Promise<string> {
  const signedIn = await harness.call('setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
  if (signedIn.token === undefined) throw new Error('no token');
  return signedIn.token;
}

/** The password a test user chooses after the administrator's temporary one. */
export function ownPassword(username: string): string {
  return `${username}-own-password`;
}

/** Creates a user with a role in the admin's clinic, signs them in, and returns their token. */
export async function userWithRole(harness: Harness, adminToken: string, role: Role, username: string): Promise<{ token: string; userId: string }> {
  const password = `${username}-password-1`;
  const user = await harness.call(
    'users.create',
    { fullName: `Test ${role}`, username, email: '', phone: '', password, role },
    adminToken,
  );
  const signedIn = await harness.call('auth.signIn', { username, password });
  if (signedIn.token === undefined) throw new Error('no token');
  await harness.call('auth.changePassword', { currentPassword: password, newPassword: ownPassword(username) }, signedIn.token);
  return { token: signedIn.token, userId: user.id };
}

/** A patient as the registration form sends one; override what a test cares about. */
export function patientInput(overrides: Record<string, unknown> = {}) {
  return {
    givenName: 'Priya',
    familyName: 'Sharma',
    sex: 'FEMALE' as const,
    birth: { kind: 'date' as const, date: '1988-04-12' },
    phone: '+44 7700 900123',
    email: '',
    address: '',
    postalCode: '',
    nationalId: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    notes: '',
    allergies: [],
    conditions: [],
    ...overrides,
  };
}

/** A doctor with a profile and a Monday-to-Friday morning schedule (09:00–12:00, 30-minute slots, break 10:30–11:00). */
export async function doctorWithSchedule(harness: Harness, adminToken: string, username: string, specialization = 'General practice'): Promise<{ token: string; userId: string }> {
  const doctor = await userWithRole(harness, adminToken, 'DOCTOR', username);
  await harness.call('doctors.saveProfile', { userId: doctor.userId, specialization, registrationNumber: `GMC-${username}`, visibility: 'PUBLIC', active: true }, adminToken);
  const sessions = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '12:00', slotMinutes: 30, breaks: [{ start: '10:30', end: '11:00' }] }));
  await harness.call('schedules.setWeekly', { doctorUserId: doctor.userId, sessions }, adminToken);
  return doctor;
}
