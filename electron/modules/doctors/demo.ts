import type { DemoStep } from '../../demo/demo-session.ts';

/** Every doctor's profile and a week of hours, every day, so whatever day someone tries the demo, today has slots. */
export const doctorsDemo: DemoStep = async ({ call, made }) => {
  const { doctors } = await call('doctors.list', {});
  for (const doctor of doctors) {
    await call('doctors.saveProfile', { userId: doctor.userId, specialization: 'General practice', registrationNumber: 'GMC 7123456', visibility: 'PUBLIC', active: true });
    const mornings = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '09:00', endTime: '13:00', slotMinutes: 15, breaks: [{ start: '11:00', end: '11:15' }] }));
    const afternoons = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '14:00', endTime: '17:00', slotMinutes: 20, breaks: [] }));
    await call('schedules.setWeekly', { doctorUserId: doctor.userId, sessions: [...mornings, ...afternoons] });
  }
  made.set('doctors', doctors.map((doctor) => doctor.userId));
};
