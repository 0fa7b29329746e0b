import { defineSharedModule } from '../define.ts';
import { consultationCalls } from './calls.ts';
import { noteDraftsDivergedConflict } from './conflicts.ts';
import { consultationSyncTables } from './sync-tables.ts';

export const consultationModule = defineSharedModule({ name: 'consultation', calls: consultationCalls, syncTables: consultationSyncTables, conflicts: [noteDraftsDivergedConflict] });
