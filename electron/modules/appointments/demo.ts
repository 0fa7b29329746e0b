import { pick } from '../../demo/sample-names.ts';
import type { DemoStep } from '../../demo/demo-session.ts';

const DEMO_BOOKINGS = 8;

/** The first doctor's next free slots, booked for the first patients. */
export const appointmentsDemo: DemoStep = async ({ call, random, made }) => {
  const doctorUserId = made.get('doctors')?.[0];
  const patientIds = made.get('patients') ?? [];
  if (doctorUserId === undefined) return;
  const booked: string[] = [];
  for (let index = 0; index < DEMO_BOOKINGS; index += 1) {
    const { found } = await call('slots.nextFree', { doctorUserId });
    const patientId = patientIds[index];
    if (found === null || patientId === undefined) break;
    await call('appointments.book', { patientId, doctorUserId, startAt: found.slot.startAt, type: index % 4 === 1 ? 'FOLLOW_UP' : 'IN_PERSON', reason: pick(random, ['Cough', 'Check-up', 'Blood pressure review', 'Back pain']), notes: '' });
    booked.push(patientId);
  }
  made.set('booked', booked);
};
