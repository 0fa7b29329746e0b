import { z } from 'zod';

export const roles = ['ADMIN', 'DOCTOR', 'STAFF', 'PHARMACIST'] as const;
export const roleSchema = z.enum(roles, { error: 'Choose a role: administrator, doctor, front desk or pharmacist' });
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Readonly<Record<Role, string>> = {
  ADMIN: 'Administrator',
  DOCTOR: 'Doctor',
  STAFF: 'Front desk',
  PHARMACIST: 'Pharmacist',
};
