import { defineCoreModule } from '../define.ts';
import { medicinesDemo } from './demo.ts';
import { medicineHandlers } from './handlers.ts';
import { medicineSyncParticipant } from './sync-participant.ts';

export const medicinesCoreModule = defineCoreModule({ name: 'medicines', handlers: medicineHandlers, syncParticipant: medicineSyncParticipant, demo: medicinesDemo });
