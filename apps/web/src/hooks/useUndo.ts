import { useCallback, useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './useCollaborativeJourney.ts';

// Edits within this time of each other are one undo step: a burst of typing, a drag.
const CAPTURE_TIMEOUT_MS = 600;

/** Where the browser's own text undo applies instead of ours. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLSelectElement;
}

/**
 * Undo and redo of this person's own changes only: the undo manager tracks the edits made
 * with the editor's origin, so someone else's edit is never taken back, and undoing one's
 * own edit leaves theirs standing. Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y, except in a
 * text field, where the browser's own text undo applies.
 */
export function useUndo(doc: Y.Doc) {
  // The whole document is the scope: a cell's text is a root-level type of its own
  // (derivedTexts.ts in @klantreis/sync), created on the cell's first edit.
  const manager = useMemo(() => new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: CAPTURE_TIMEOUT_MS }), [doc]);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });

  useEffect(() => {
    const onStackChange = () => setStacks({ canUndo: manager.canUndo(), canRedo: manager.canRedo() });
    manager.on('stack-item-added', onStackChange);
    manager.on('stack-item-popped', onStackChange);
    manager.on('stack-cleared', onStackChange);
    return () => {
      manager.off('stack-item-added', onStackChange);
      manager.off('stack-item-popped', onStackChange);
      manager.off('stack-cleared', onStackChange);
      manager.destroy();
    };
  }, [manager]);

  const undo = useCallback(() => {
    manager.undo();
  }, [manager]);
  const redo = useCallback(() => {
    manager.redo();
  }, [manager]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        manager.undo();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && event.ctrlKey && !event.shiftKey)) {
        event.preventDefault();
        manager.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [manager]);

  return { ...stacks, undo, redo };
}
