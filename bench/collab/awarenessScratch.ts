// What Hocuspocus does for each awareness message it receives (a pointer moved, a selection made):
// a scratch Y.Doc and Awareness, the update applied to them, checked (our beforeHandleAwareness)
// and encoded again. With the random guid Yjs gives a new Y.Doc, and with the fixed one that
// patches/@hocuspocus+server+4.7.0.patch gives it, alternated:
//   node bench/collab/awarenessScratch.ts [messages]
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';

const messages = Number(process.argv[2] ?? 5_000);
const sender = new Awareness(new Y.Doc());
sender.setLocalState({ user: { key: 'a1b2c3d4', name: 'Anna', color: '#1a5fb4', initials: 'AN' }, cursor: { x: 100, y: 200 } });
const update = encodeAwarenessUpdate(sender, [sender.clientID]);

function perMessage(newDoc: () => Y.Doc): number {
  const start = performance.now();
  for (let i = 0; i < messages; i++) {
    const doc = newDoc();
    const scratch = new Awareness(doc);
    applyAwarenessUpdate(scratch, update, null);
    encodeAwarenessUpdate(scratch, [...scratch.getStates().keys()]);
    scratch.destroy();
    doc.destroy();
  }
  return ((performance.now() - start) / messages) * 1000;
}

for (let round = 1; round <= 3; round++) {
  const random = perMessage(() => new Y.Doc());
  const fixed = perMessage(() => new Y.Doc({ guid: 'awareness-scratch' }));
  console.log(`round ${round}: random guid ${random.toFixed(1)} µs a message, fixed guid ${fixed.toFixed(1)} µs (${(fixed / random).toFixed(2)}×)`);
}
sender.destroy();
