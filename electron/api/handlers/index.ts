import type { Handlers } from '../context.ts';
import { auditHandlers } from './audit.ts';
import { authHandlers } from './auth.ts';
import { clinicHandlers } from './clinic.ts';
import { patientHandlers } from './patients.ts';
import { appointmentHandlers } from './appointments.ts';
import { doctorHandlers } from './doctors.ts';
import { queueHandlers } from './queue.ts';
import { syncHandlers } from './sync.ts';
import { setupHandlers } from './setup.ts';
import { systemHandlers } from './system.ts';
import { userHandlers } from './users.ts';

/** Every call of the contract, implemented once; a missing one does not compile. */
export const handlers = {
  ...systemHandlers,
  ...setupHandlers,
  ...authHandlers,
  ...clinicHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...patientHandlers,
  ...doctorHandlers,
  ...appointmentHandlers,
  ...queueHandlers,
  ...syncHandlers,
} satisfies Handlers;
