import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JourneyComparison } from '@klantreis/schema';
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
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  // A saved version does not change: a pair of them is read once; "current" is the map as it is now.
  const current = pair.from === 'current' || pair.to === 'current';
  const read = useQuery({
    queryKey: ['journey', journeyId, 'compare', pair.from, pair.to],
    queryFn: () => Promise.all([versionsApi.compare(journeyId, pair.from, pair.to), versionsApi.open(journeyId, pair.from), versionsApi.open(journeyId, pair.to)]),
    staleTime: current ? 0 : Infinity,
  });
  const loaded = useMemo((): Loaded | null => {
    if (!read.data) return null;
    const [comparison, before, after] = read.data;
    const laneNames = new Map([...before.lanes, ...after.lanes].map((lane) => [lane.id as string, laneDisplayName(lane, (kind) => t(`lane.kinds.${kind}`))]));
    const phaseNames = new Map([...before.phases, ...after.phases].map((phase) => [phase.id as string, phase.name]));
    return { comparison, laneNames, phaseNames };
  }, [read.data, t]);
  const error = read.error?.message ?? null;

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
