import { moduleHandlers } from '../../modules/registry.ts';
import type { Handlers } from '../context.ts';
import { authHandlers } from './auth.ts';
import { setupHandlers } from './setup.ts';
import { syncHandlers } from './sync.ts';
import { systemHandlers } from './system.ts';

/** Every call of the contract, implemented once, the core's and every module's; a missing one does not compile. */
export const handlers = {
  ...systemHandlers,
  ...setupHandlers,
  ...authHandlers,
  ...syncHandlers,
  ...moduleHandlers,
} satisfies Handlers;
