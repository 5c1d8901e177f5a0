import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyComparison, JourneyDocument } from '@klantreis/schema';
import { versionsApi } from '../../api/versionsApi.ts';
import { laneDisplayName } from '../../canvas/mapLayout.ts';
import { CompareCurves } from './CompareCurves.tsx';
import { ComparisonSummary } from './ComparisonSummary.tsx';

export interface ComparedPair {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
}

interface Loaded {
  comparison: JourneyComparison;
  laneNames: Map<string, string>;
  phaseNames: Map<string, string>;
}

/** Two versions side by side: what was added, removed and changed, and both curves. */
export function CompareDialog({ journeyId, pair, onClose }: { journeyId: string; pair: ComparedPair; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    let cancelled = false;
    const documentOf = (versionId: string): Promise<JourneyDocument> => versionsApi.open(journeyId, versionId);
    Promise.all([versionsApi.compare(journeyId, pair.from, pair.to), documentOf(pair.from), documentOf(pair.to)])
      .then(([comparison, before, after]) => {
        if (cancelled) return;
        const laneNames = new Map([...before.lanes, ...after.lanes].map((lane) => [lane.id as string, laneDisplayName(lane, (kind) => t(`lane.kinds.${kind}`))]));
        const phaseNames = new Map([...before.phases, ...after.phases].map((phase) => [phase.id as string, phase.name]));
        setLoaded({ comparison, laneNames, phaseNames });
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(caught instanceof Error ? caught.message : String(caught));
      });
    return () => {
      cancelled = true;
    };
  }, [journeyId, pair.from, pair.to, t]);

  return (
    <dialog ref={dialog} className="dialog dialog--compare" aria-labelledby="compare-title" onClose={onClose} data-testid="compare-dialog">
      <div className="panel__head">
        <h2 id="compare-title">{t('compare.title', { from: pair.fromLabel, to: pair.toLabel })}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('compare.close')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {t('versions.failed', { error })}
        </p>
      )}
      {!loaded && !error && <p className="hint">{t('compare.loading')}</p>}
      {loaded && (
        <>
          <CompareCurves comparison={loaded.comparison} fromLabel={pair.fromLabel} toLabel={pair.toLabel} />
          <ComparisonSummary comparison={loaded.comparison} laneNames={loaded.laneNames} phaseNames={loaded.phaseNames} />
        </>
      )}
    </dialog>
  );
}
