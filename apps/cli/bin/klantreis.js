#!/usr/bin/env node
// Klantreis runs its TypeScript directly on Node's type stripping (Node 22.18 and later).
if (!process.features.typescript) {
  console.error(`klantreis needs Node.js 22.18 or later (24 recommended); this is ${process.version}.`);
  process.exit(1);
}
// Cache V8's compiled code between runs: the CLI and `serve` start in about half the time.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
await import('../src/main.ts');
