import type * as Y from 'yjs';

/**
 * Calls `listener` after each transaction that changed the document. Not Yjs's `update` event:
 * while anyone listens for that, Yjs encodes every transaction as an update, and the editor's
 * own readers need no bytes (see `putLocalCopyFirst` for what that encoding costs on a big map).
 * Returns the function that stops listening.
 */
export function onDocumentChange(doc: Y.Doc, listener: () => void): () => void {
  const afterTransaction = (transaction: Y.Transaction) => {
    if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0) listener();
  };
  doc.on('afterTransaction', afterTransaction);
  return () => doc.off('afterTransaction', afterTransaction);
}
