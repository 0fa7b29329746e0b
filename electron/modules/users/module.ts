import { defineCoreModule } from '../define.ts';
import { userHandlers } from './handlers.ts';

export const usersCoreModule = defineCoreModule({ name: 'users', handlers: userHandlers });
