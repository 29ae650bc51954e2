// ESLint for the front end: `npm run lint` (also `make lint`, which `make test` runs first).
import { readdirSync } from 'node:fs';

import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
// eslint-plugin-import-x rather than eslint-plugin-boundaries: it is the maintained, flat-config
// native fork of eslint-plugin-import, and one plugin gives both rules we need (no-cycle and
// no-restricted-paths) with the TypeScript resolver that understands the '@/' alias.
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Feature folders (STYLE.md, bulletproof-react): a feature uses the shared layers (components,
// hooks, lib, utils, config, api, i18n; testing in tests) and itself, never another feature.
// Pages that need two features are composed in app/ (routes and the router), which is the one
// place allowed to import any feature; so the allow-list is app/ alone. The shared layers are
// below the features and app/, so they import neither.
const SHARED = ['components', 'hooks', 'lib', 'utils', 'config', 'api', 'i18n'];
const boundaries = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: `A feature imports no other feature: compose the two in src/app/ instead.`,
  })),
  {
    target: SHARED.map((layer) => `./src/${layer}`),
    from: ['./src/features', './src/app'],
    message: 'Shared code sits below features and app/: pass the feature part in (a prop) from src/app/.',
  },
];
// Test support (mock fetch, fixtures, renderApp) is for tests only.
const noTestingInApp = {
  target: './src',
  from: './src/testing',
  message: 'src/testing/ is for tests only.',
};
const TESTS = ['src/**/__tests__/**', 'src/**/*.test.{ts,tsx}', 'src/testing/**'];

export default defineConfig([
  globalIgnores(['dist', 'node_modules', 'src/api/schema.d.ts']),
  {
    files: ['**/*.{js,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022 },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    plugins: { 'import-x': importX },
    languageOptions: { globals: globals.browser },
    settings: {
      // Without these two, import-x skips .ts/.tsx modules when following imports (no-cycle sees nothing).
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.app.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      // The order the code already keeps: packages, then '@/' (shared layers), then the feature's own.
      'import-x/order': [
        'error',
        {
          groups: [['builtin', 'external'], 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          'newlines-between': 'always-and-inside-groups',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-restricted-paths': ['error', { zones: [...boundaries, noTestingInApp] }],
    },
  },
  {
    files: TESTS,
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
    },
  },
  {
    files: ['*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
]);
