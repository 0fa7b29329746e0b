import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import type { Core } from '../core.ts';
import { pick, samplePersonName, seededRandom } from './sample-names.ts';

const DEMO_PATIENTS = 40;
const DEMO_BOOKINGS = 8;

/**
 * Reception's sample data, made through the same calls the screens use (so it is audited and
 * numbered like real data): the demo doctor's profile and week, patients, appointments, a queue.
 */
export async function seedReceptionDemo(core: Core, admin: { username: string; password: string }): Promise<void> {
  let token: string | null = null;
  const call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const outcome = await core.dispatch({ call: name, input, token });
    if (!outcome.ok) throw new Error(`demo ${name}: ${outcome.error.message}`);
    return outcome.result as CallResult<N>;
  };
  const session = await call('auth.signIn', admin);
  token = session.token ?? null;
  const riverside = session.memberships.find((membership) => membership.clinicCode === 'RFC01');
  if (riverside === undefined) throw new Error('demo clinic missing');
  await call('auth.selectClinic', { clinicId: riverside.clinicId });

  const { doctors } = await call('doctors.list', {});
  const random = seededRandom(7);
  for (const doctor of doctors) {
    await call('doctors.saveProfile', { userId: doctor.userId, specialization: 'General practice', registrationNumber: 'GMC 7123456', visibility: 'PUBLIC', active: true });
    // Every day of the week, so whatever day someone tries the demo, today has slots.
    const mornings = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '09:00', endTime: '13:00', slotMinutes: 15, breaks: [{ start: '11:00', end: '11:15' }] }));
    const afternoons = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '14:00', endTime: '17:00', slotMinutes: 20, breaks: [] }));
    await call('schedules.setWeekly', { doctorUserId: doctor.userId, sessions: [...mornings, ...afternoons] });
  }

  const patientIds: string[] = [];
  for (let index = 0; index < DEMO_PATIENTS; index += 1) {
    const { givenName, familyName } = samplePersonName(random);
    const year = 1940 + Math.floor(random() * 80);
    const record = await call('patients.register', {
      givenName,
      familyName,
      sex: random() < 0.5 ? 'FEMALE' : 'MALE',
      birth: { kind: 'date', date: `${String(year)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` },
      phone: `07700 9${String(Math.floor(random() * 100000)).padStart(5, '0')}`,
      email: '',
      address: `${String(1 + Math.floor(random() * 200))} ${pick(random, ['High Street', 'Park Road', 'Station Road', 'Church Lane'])}, Bristol`,
      postalCode: `BS${String(1 + Math.floor(random() * 16))} ${String(1 + Math.floor(random() * 9))}AB`,
      nationalId: '',
      emergencyContactName: '',
      emergencyContactPhone: '',
      notes: '',
      allergies: index % 7 === 0 ? [{ substance: pick(random, ['Penicillin', 'Aspirin', 'Latex', 'Peanuts']), reaction: 'Rash', severity: 'MODERATE' }] : [],
      conditions: index % 5 === 0 ? [{ name: pick(random, ['Type 2 diabetes', 'Hypertension', 'Asthma']), notes: '' }] : [],
      notADuplicate: true,
    });
    patientIds.push(record.id);
  }

  const doctor = doctors[0];
  if (doctor === undefined) return;
  for (let index = 0; index < DEMO_BOOKINGS; index += 1) {
    const { found } = await call('slots.nextFree', { doctorUserId: doctor.userId });
    const patientId = patientIds[index];
    if (found === null || patientId === undefined) break;
    await call('appointments.book', { patientId, doctorUserId: doctor.userId, startAt: found.slot.startAt, type: index % 4 === 1 ? 'FOLLOW_UP' : 'IN_PERSON', reason: pick(random, ['Cough', 'Check-up', 'Blood pressure review', 'Back pain']), notes: '' });
  }
  const walkIns: [number, 'RED' | 'ORANGE' | 'GREEN'][] = [
    [DEMO_BOOKINGS, 'GREEN'],
    [DEMO_BOOKINGS + 1, 'RED'],
    [DEMO_BOOKINGS + 2, 'ORANGE'],
  ];
  for (const [index, priority] of walkIns) {
    const patientId = patientIds[index];
    if (patientId !== undefined) await call('queue.addWalkIn', { patientId, doctorUserId: null, priority });
  }
  await call('auth.signOut', {});
}
