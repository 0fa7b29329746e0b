import { defineCoreModule } from '../define.ts';
import { dispensingHandlers } from './handlers.ts';

export const dispensingCoreModule = defineCoreModule({ name: 'dispensing', handlers: dispensingHandlers });
