import { bySubject, register, type SyncTableDeclarations } from '../../sync/tables.ts';

export const doctorSyncTables = {
  doctor_profiles: register(bySubject('user', 'user_id'), 'user_id'),
  weekly_schedules: register({ by: 'column', column: 'clinic_id' }),
  schedule_exceptions: register({ by: 'column', column: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;
