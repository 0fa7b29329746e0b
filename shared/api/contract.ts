import type { z } from 'zod';
import { auditCalls } from './calls/audit.ts';
import { authCalls } from './calls/auth.ts';
import { clinicCalls } from './calls/clinic.ts';
import { patientCalls } from './calls/patients.ts';
import { appointmentCalls } from './calls/appointments.ts';
import { doctorCalls } from './calls/doctors.ts';
import { queueCalls } from './calls/queue.ts';
import { syncCalls } from './calls/sync.ts';
import { setupCalls } from './calls/setup.ts';
import { systemCalls } from './calls/system.ts';
import { userCalls } from './calls/users.ts';
import type { CallSpec } from './define.ts';

/** Every call the renderer can make. A call added here does not compile until the core implements it. */
export const contract = {
  ...systemCalls,
  ...setupCalls,
  ...authCalls,
  ...clinicCalls,
  ...userCalls,
  ...auditCalls,
  ...patientCalls,
  ...doctorCalls,
  ...appointmentCalls,
  ...queueCalls,
  ...syncCalls,
} satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallResult<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

/** The calls whose result carries a new session token, which the transport keeps. */
export const sessionIssuingCalls: readonly CallName[] = ['auth.signIn', 'setup.createClinic'];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
