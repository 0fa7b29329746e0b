import { defineCoreModule } from '../define.ts';
import { cancelDoubleBooking } from './conflict-resolvers.ts';
import { appointmentSyncParticipant } from './sync-participant.ts';

export const appointmentsCoreModule = defineCoreModule({ name: 'appointments', syncParticipant: appointmentSyncParticipant, conflictResolvers: [cancelDoubleBooking] });
