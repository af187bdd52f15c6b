// ESLint (flat config): typescript-eslint's recommended rules plus the type-aware promise rules, React's hook
// rules for the console, and the workflow sandbox's import rules (scripts/lint-workflows.ts checks the rest of
// the sandbox: Date.now, Math.random, timers).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const WORKFLOW_FORBIDDEN = [
  {
    group: ['node:*', 'fs', 'path', 'crypto', 'child_process', 'http', 'https', 'net', 'os', 'worker_threads'],
    message: 'workflow code is deterministic: no Node.js built-ins',
  },
  {
    group: [
      'pg',
      'drizzle-orm',
      'drizzle-orm/*',
      'express',
      'ws',
      'jsonwebtoken',
      'pino',
      '@trellis/db',
      '@trellis/db/*',
      '@trellis/executors',
      '@trellis/executors/*',
    ],
    message: 'workflow code does no I/O: call an activity instead',
  },
  {
    group: ['@temporalio/activity', '@temporalio/worker', '@temporalio/client', '@temporalio/testing'],
    message: 'workflow code imports only @temporalio/workflow and @temporalio/common',
  },
];

const NODE_GLOBALS = {
  module: 'writable',
  exports: 'writable',
  require: 'readonly',
  process: 'readonly',
  console: 'readonly',
  __dirname: 'readonly',
  __filename: 'readonly',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      'test/fixtures/**',
      'packages/client/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Storable-text checks match NUL and other control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['packages/workflows/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: WORKFLOW_FORBIDDEN.map((pattern) => ({ ...pattern, allowTypeImports: true })) },
      ],
    },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS } },
);
