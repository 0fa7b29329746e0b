import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { moduleBoundaries } from './eslint-module-boundaries.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const onlyElectronShell = 'Only electron/main.ts, electron/preload.ts and electron/ipc.ts may import electron; the core stays plain Node.';

/** Who may import whom: the folder says where code runs (see ../shared/ARCHITECTURE.md). */
const layerRules = [
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the core only through the API client.' }, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser: no Node built-ins.' }))],
          patterns: [
            { regex: '^#(core|hub)/', message: 'The renderer reaches the core only through the API client.' },
            { group: ['**/electron/**', '**/hub/**'], message: 'The renderer reaches the core only through the API client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure TypeScript used by both sides.' }, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the browser too: no Node built-ins.' }))],
          patterns: [
            { regex: '^#(core|hub|renderer)/', message: 'shared/ imports neither side.' },
            { group: ['**/electron/**', '**/renderer/**', '**/hub/**'], message: 'shared/ imports neither side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: onlyElectronShell }],
          patterns: [
            { regex: '^#(renderer|hub)/', message: 'The core does not import the renderer or the hub.' },
            { group: ['**/renderer/**'], message: 'The core does not import the renderer or the hub.' },
          ],
        },
      ],
    },
  },
  {
    files: ['hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The hub is a plain Node server.' }],
          patterns: [
            { regex: '^#renderer/|^#core/(?!platform/)', message: 'The hub may share only the core’s platform helpers.' },
            { group: ['**/renderer/**'], message: 'The hub may share only the core’s platform helpers.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'migrations/sqlite/**', 'migrations/postgres/**', 'tests/bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'eslint-module-boundaries.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-console': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports; default exports are for configuration files.' }],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  ...layerRules,
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { clinic: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: { 'clinic/module-boundaries': 'error' },
  },
  {
    files: ['eslint.config.js', 'eslint-module-boundaries.js', '**/vite.config.ts', '**/vitest.config.ts', '**/drizzle.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  { files: ['eslint.config.js', 'eslint-module-boundaries.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['tests/**/*.ts'], rules: { 'no-console': 'off' } },
);
