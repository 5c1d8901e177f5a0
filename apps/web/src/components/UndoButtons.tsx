import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useUndo } from '../hooks/useUndo.ts';

/** The top bar's undo and redo, of this person's own changes only. */
export function UndoButtons({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const { canUndo, canRedo, undo, redo } = useUndo(doc);
  return (
    <div className="undo-buttons" role="group" aria-label={t('undo.group')}>
      <button type="button" className="icon" onClick={undo} disabled={!canUndo} aria-label={t('undo.undo')} title={t('undo.undoHint')} data-testid="undo">
        ↶
      </button>
      <button type="button" className="icon" onClick={redo} disabled={!canRedo} aria-label={t('undo.redo')} title={t('undo.redoHint')} data-testid="redo">
        ↷
      </button>
    </div>
  );
}
