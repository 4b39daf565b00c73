import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The pure core decides; adapters act. These directories may import each other and
 * nothing that performs I/O or knows about GitHub's SDKs, so they stay testable with
 * plain values and usable from both the app and the Action bundle.
 */
const pureCore = [
  'src/queue/**',
  'src/gates/**',
  'src/merge-subject/**',
  'src/changelog/**',
  'src/config/**',
  'src/messages/**',
  'src/dashboard/**',
];

const ioModules = [
  'probot',
  'probot/*',
  '@octokit/*',
  '@actions/*',
  'pg',
  'better-sqlite3',
  'kysely',
  'kysely/*',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'child_process',
  'node:child_process',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'dgram',
  'node:dgram',
  'worker_threads',
  'node:worker_threads',
  'process',
  'node:process',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'action/dist/**',
      'coverage/**',
      'node_modules/**',
      'schema/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: pureCore,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ioModules,
              message:
                'The pure core performs no I/O: take the data as a parameter, or move this into an adapter (src/github, src/store).',
            },
            {
              group: [
                '**/github/**',
                '**/store/**',
                '**/app',
                '**/app.js',
                '**/reconcile/**',
                '**/cli/**',
              ],
              message: 'The pure core must not depend on adapters or the orchestrator.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The pure core performs no I/O.' },
        {
          name: 'process',
          message: 'The pure core reads no environment: take values as parameters.',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pure functions take `now` as a parameter.' },
        { object: 'Math', property: 'random', message: 'Pure functions are deterministic.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
