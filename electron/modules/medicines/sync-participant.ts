import type { SyncParticipant } from '../../sync/participants.ts';
import { rebuildProductSearchIndex } from './search-index.ts';

export const medicineSyncParticipant: SyncParticipant = {
  name: 'medicines',
  // The name index is filled from the products table in one go, instead of row by row.
  bulkLoad: { triggers: 'medicine\\_products\\_search\\_%', afterBulkLoad: rebuildProductSearchIndex },
};
