import type { AuditOutcome } from '#shared/modules/audit/calls.ts';

/** Plain names for what the audit log records; unknown actions show their code. */
export const actionLabels: Readonly<Record<string, string>> = {
  'setup.createClinic': 'Set up the clinic',
  'auth.signIn': 'Sign in',
  'auth.signOut': 'Sign out',
  'auth.unlock': 'Unlock the screen',
  'auth.lockout': 'Account locked after failed sign-ins',
  'auth.selectClinic': 'Open a clinic',
  'auth.changePassword': 'Change own password',
  'clinic.update': 'Edit clinic details',
  'users.create': 'Create a user',
  'users.update': 'Edit a user',
  'users.setRole': 'Give or take a role',
  'users.grantRole': 'Give a role',
  'users.revokeRole': 'Take a role away',
  'users.setActive': 'Activate or deactivate a user',
  'users.resetPassword': 'Reset a password',
  'users.list': 'List users',
  'audit.list': 'Read the audit log',
  'demo.seed': 'Create demo data',
  'references.renamed': 'Give a provisional reference its leased number',
};

export const outcomeLabels: Readonly<Record<AuditOutcome, string>> = {
  SUCCESS: 'Done',
  FAILURE: 'Failed',
  DENIED: 'Refused',
};

export function describeDetail(detail: Record<string, unknown> | null): string {
  if (detail === null) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}
