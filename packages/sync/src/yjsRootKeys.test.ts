import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

// A journey keeps each cell's text as a root type of its own: a 200-step × 12-lane map has 2,400
// of them. Yjs 13.6 found a root type's name by walking every root for each one it encoded, so
// encoding such a map (the first sync's answer to a new visitor, a version, a snapshot) took
// 120-220 ms, 15-26 ms once patched (patches/yjs+13.6.33.patch, applied by `npm ci`).
describe('the Yjs that is installed', () => {
  it('carries the patch that remembers root type names, in its ESM and CommonJS builds', () => {
    const esm = readFileSync(fileURLToPath(import.meta.resolve('yjs')), 'utf8');
    const cjs = readFileSync(createRequire(import.meta.url).resolve('yjs'), 'utf8');
    for (const build of [esm, cjs]) expect(build).toContain('const rootTypeKeys = new WeakMap();');
  });

  it('encodes a document of many root types, also ones added after the first encode, as it was', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 3_000; i++) doc.getText(`cell-${i}`).insert(0, `text ${i}`);
    const first = new Y.Doc();
    Y.applyUpdate(first, Y.encodeStateAsUpdate(doc));
    // Roots added after the names were learnt, and an update that touches only them.
    const before = Y.encodeStateVector(doc);
    for (let i = 3_000; i < 3_010; i++) doc.getText(`cell-${i}`).insert(0, `later ${i}`);
    Y.applyUpdate(first, Y.encodeStateAsUpdate(doc, before));
    for (const i of [0, 1_499, 2_999, 3_000, 3_009]) expect(first.getText(`cell-${i}`).toString()).toBe(i < 3_000 ? `text ${i}` : `later ${i}`);
    expect(first.share.size).toBe(3_010);
  });
});
