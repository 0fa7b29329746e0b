import { registerCoreModules } from '#core/modules/registry.ts';

// Tests that drive the sync engine's parts directly, without a core or a hub (which register the
// application's modules as they open), see the same tables and participants.
registerCoreModules();
