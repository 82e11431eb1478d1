import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

// Workflows run in Temporal's deterministic sandbox: no Node builtins, no I/O libraries, and activities only as
// types (they are called through proxyActivities). These bans make a mistake a lint error instead of a replay bug.
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);
const workflowBans = {
  'no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.map((name) => ({
        name,
        message: 'Workflows are deterministic: no Node builtins.',
      })),
      patterns: [
        {
          group: ['@market/activities', '@market/activities/*', '../activities/*', '../../activities/*'],
          allowTypeImports: true,
          message: 'Import activities with `import type` and call them through proxyActivities.',
        },
        {
          group: ['@market/db', '@market/db/*', 'sequelize', 'mysql2', 'ioredis', 'express', 'pino'],
          message: 'Workflows do no I/O: put it in an activity.',
        },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
      message:
        'Use the SDK-provided deterministic random (it is patched), or uuid4() from @temporalio/workflow.',
    },
    { selector: "NewExpression[callee.name='Worker']", message: 'No threads in workflows.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'process', message: 'Workflows have no process: pass values as arguments.' },
    { name: 'setImmediate', message: 'Use sleep() from @temporalio/workflow.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.stack/**',
      'coverage/**',
      'storefront/build/**',
      'storefront/.react-router/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // The web apps run in the browser (and the shop's server code in Node).
  {
    files: ['admin/**', 'storefront/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  { files: ['workflows/**/*.ts'], ignores: ['workflows/**/*.test.ts'], rules: workflowBans },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  prettier,
);
