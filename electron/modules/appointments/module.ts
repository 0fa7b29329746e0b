import { defineCoreModule } from '../define.ts';
import { appointmentsDemo } from './demo.ts';
import { appointmentHandlers } from './handlers.ts';
import { cancelDoubleBooking } from './conflict-resolvers.ts';
import { appointmentSyncParticipant } from './sync-participant.ts';

export const appointmentsCoreModule = defineCoreModule({ name: 'appointments', handlers: appointmentHandlers, syncParticipant: appointmentSyncParticipant, conflictResolvers: [cancelDoubleBooking], demo: appointmentsDemo });
