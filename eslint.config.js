// Lint is for what the compiler lets through: promises nobody awaits (a rejected one is an
// unhandled rejection that stops the server; an awaited one that is not a promise hides a
// forgotten call), promises handed to callers that ignore them (an async event handler's error
// is lost), `any` and silenced compiler errors. Type-aware, so it reads the same tsconfig.json
// as `npm run typecheck`; the rule set stays small so that every rule is one we keep at zero.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // testing/lintProbe holds violations on purpose: testing/lintRules.test.ts lints it with the ignores off.
  globalIgnores(['**/node_modules/', '**/dist/', 'apps/cli/bin/', 'testing/lintProbe/']),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].map((object) => ({ object, property: 'only', message: 'A focused test skips every other test in its file.' })),
      ],
    },
  },
);
