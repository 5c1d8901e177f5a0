// `npm test` lints (issue 9): this checks that the lint is type-aware and keeps its rules, by
// linting a file of known violations with the repository's own eslint.config.js.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

it('the lint refuses unawaited and misused promises, awaits of non-promises, any, @ts-ignore and .only', async () => {
  const eslint = new ESLint({ cwd: ROOT, ignore: false });
  const [result] = await eslint.lintFiles(['testing/lintProbe/violations.ts']);
  const found = (result?.messages ?? []).map((message) => `${message.line}: ${message.ruleId ?? message.message}`);
  expect(found).toEqual([
    '8: @typescript-eslint/no-floating-promises',
    '12: @typescript-eslint/no-misused-promises',
    '18: @typescript-eslint/await-thenable',
    '21: @typescript-eslint/no-explicit-any',
    '25: @typescript-eslint/ban-ts-comment',
    '29: no-restricted-properties',
  ]);
}, 60_000);
