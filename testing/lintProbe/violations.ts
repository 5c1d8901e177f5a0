// Code that the lint must refuse, one case per rule, read by lintRules.test.ts. The lint of the
// repository ignores this folder (eslint.config.js); the test lints it with the ignores off.
async function storedCount(): Promise<number> {
  return 1;
}

export function onSignal(): void {
  storedCount(); // no-floating-promises: a rejection here is unhandled and stops the server
}

export function onEachRow(rows: readonly number[]): void {
  rows.forEach(async () => {
    await storedCount(); // no-misused-promises: forEach drops the promise and its error
  });
}

export async function awaitsAValue(): Promise<number> {
  return await 1; // await-thenable: a forgotten call looks like this
}

export function untyped(value: any): unknown {
  return value; // no-explicit-any
}

// @ts-ignore ban-ts-comment: a silenced compiler error
export const silenced: number = 1;

const it = { only: (): void => undefined };
it.only(); // no-restricted-properties: a focused test skips every other test in its file
