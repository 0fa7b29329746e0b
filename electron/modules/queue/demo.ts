import type { DemoStep } from '../../demo/demo-session.ts';

/** Three walk-ins waiting, one of each priority, from the patients who have no booking. */
export const queueDemo: DemoStep = async ({ call, made }) => {
  const booked = new Set(made.get('booked') ?? []);
  const free = (made.get('patients') ?? []).filter((id) => !booked.has(id));
  const priorities = ['GREEN', 'RED', 'ORANGE'] as const;
  for (const [index, priority] of priorities.entries()) {
    const patientId = free[index];
    if (patientId !== undefined) await call('queue.addWalkIn', { patientId, doctorUserId: null, priority });
  }
};
