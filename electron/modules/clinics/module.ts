import { defineCoreModule } from '../define.ts';
import { clinicHandlers } from './handlers.ts';

export const clinicsCoreModule = defineCoreModule({ name: 'clinics', handlers: clinicHandlers });
