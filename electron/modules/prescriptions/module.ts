import { addSigningStep } from '../consultation/index.ts';
import { defineCoreModule } from '../define.ts';
import { prescriptionsHandlers } from './handlers.ts';
import { signPrescription } from './signing.ts';
import { prescriptionsSyncParticipant } from './sync-participant.ts';

// The encounter's signature includes its prescription, in the same transaction.
addSigningStep(signPrescription);

export const prescriptionsCoreModule = defineCoreModule({ name: 'prescriptions', handlers: prescriptionsHandlers, syncParticipant: prescriptionsSyncParticipant });
