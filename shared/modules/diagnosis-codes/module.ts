import { defineSharedModule } from '../define.ts';
import { diagnosisCodeCalls } from './calls.ts';
import { diagnosisCodeSyncTables } from './sync-tables.ts';

export const diagnosisCodesModule = defineSharedModule({ name: 'diagnosis-codes', calls: diagnosisCodeCalls, syncTables: diagnosisCodeSyncTables, conflicts: [] });
