import { defineCoreModule } from '../define.ts';
import { doctorsDemo } from './demo.ts';
import { doctorHandlers } from './handlers.ts';

export const doctorsCoreModule = defineCoreModule({ name: 'doctors', handlers: doctorHandlers, demo: doctorsDemo });
