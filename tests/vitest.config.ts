import { defineConfig } from 'vitest/config';

// Two projects: the core and web host in plain Node, and the end-to-end suite in Chromium,
// which runs its files one at a time because each starts its own servers.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    env: { CLINIC_LOG_LEVEL: 'warn' },
    // Verbose, so a skipped test shows its reason (the Electron one, where the runtime is missing).
    reporters: ['verbose'],
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['tests/core/**/*.test.ts', 'tests/web/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/sync/**/*.test.ts'],
          setupFiles: ['tests/support/register-modules.ts'],
          // Two files at a time: vitest's default of one fewer than the cores leaves one worker on
          // a two-core CI machine, idle while a test waits on a hub or a timer.
          maxWorkers: 2,
          // Generous, as the files share the cores; speed is measured by `npm run bench`, not here.
          testTimeout: 60_000,
          // Sync tests open a hub and several workstations before each test; on two busy cores that
          // takes longer than vitest's default ten seconds.
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
