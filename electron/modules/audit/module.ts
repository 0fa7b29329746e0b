import { defineCoreModule } from '../define.ts';
import { auditHandlers } from './handlers.ts';

export const auditCoreModule = defineCoreModule({ name: 'audit', handlers: auditHandlers });
