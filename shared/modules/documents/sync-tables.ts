import { bySubject, register, withBlob, type SyncTableDeclarations } from '../../sync/tables.ts';

// A document's metadata follows the patient, like the rest of the chart, and travels at once;
// its bytes travel apart, as a content-addressed blob (SYNC.md §8). A register: the title, type
// and date can be corrected, and a tombstone removes it from the chart.
export const documentsSyncTables = {
  patient_documents: withBlob(register(bySubject('patient', 'patient_id')), { hashColumn: 'content_hash', sizeColumn: 'size_bytes', clinicColumn: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;
