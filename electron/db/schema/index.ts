export { auditLog } from './audit.ts';
export { clinics } from './clinics.ts';
export { devices } from './devices.ts';
export { localMeta, signInThrottle } from './local.ts';
export { memberships } from './memberships.ts';
export { users } from './users.ts';
