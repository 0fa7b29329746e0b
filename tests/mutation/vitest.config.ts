import { defineConfig } from 'vitest/config';
import { MUTATION_TEST_FILES_VARIABLE, mutationTestFiles } from './targets.ts';

// The tests that exercise the rule files under mutation (tests/mutation/targets.ts), in plain
// Node: no end-to-end file, no hub in a process of its own. Stryker runs them in one worker thread.
// mutate.ts names the tests of the one file it mutates in MUTATION_TEST_FILES; without it, all.
const named = process.env[MUTATION_TEST_FILES_VARIABLE]?.split(',').filter((file) => file !== '');
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    env: { CLINIC_LOG_LEVEL: 'warn' },
    include: named === undefined || named.length === 0 ? [...mutationTestFiles] : named,
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/support/register-modules.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
