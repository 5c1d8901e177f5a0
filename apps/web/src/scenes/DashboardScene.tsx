import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JourneyDocument } from '@klantreis/schema';
import type { ImportKind, Measurement, MetricsPeriod } from '../api/measurementApi.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { SaveRefusedBanner } from '../components/SaveRefusedBanner.tsx';
import { stepNames } from '../components/evaluation/stepNames.ts';
import { ActivityMapping } from '../components/measurement/ActivityMapping.tsx';
import { FunnelChart } from '../components/measurement/FunnelChart.tsx';
import { ImportDialog } from '../components/measurement/ImportDialog.tsx';
import { ImportsSection } from '../components/measurement/ImportsSection.tsx';
import { KeyFigures } from '../components/measurement/KeyFigures.tsx';
import { SatisfactionComparison } from '../components/measurement/SatisfactionComparison.tsx';
import { SegmentsTable } from '../components/measurement/SegmentsTable.tsx';
import { StepFlowTable } from '../components/measurement/StepFlowTable.tsx';
import { StepMetricsTable } from '../components/measurement/StepMetricsTable.tsx';
import { TrendChart } from '../components/measurement/TrendChart.tsx';
import { VariantsChart } from '../components/measurement/VariantsChart.tsx';
import { XlaSection } from '../components/measurement/XlaSection.tsx';
import '../components/measurement/measurement.css';
import { useCollaborativeJourney } from '../hooks/useCollaborativeJourney.ts';
import { JourneyDocContext } from '../hooks/useJourneyEdit.ts';
import { measurementKey, useMeasurement } from '../hooks/useMeasurement.ts';
import { navigate } from '../routing/appHistory.ts';

/**
 * A journey's measurement dashboard: its imports, the mapping of activities to steps, the journey
 * and step figures as charts, and the XLA. It edits the same live document as the map, so the
 * mapping and the indicators are versioned and shared like every other change.
 */
export function DashboardScene({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const { doc, journey, problem, saveProblem, reloadFromServer } = useCollaborativeJourney(journeyId);
  const [period, setPeriod] = useState<MetricsPeriod>('month');
  const [importing, setImporting] = useState<ImportKind | null>(null);
  const { measurement, error, loading } = useMeasurement(journeyId, journey, period);
  // After an import or a deleted one, every period's figures are read again.
  const client = useQueryClient();
  const importsChanged = () => void client.invalidateQueries({ queryKey: measurementKey(journeyId) });
  const mapUrl = `/journeys/${encodeURIComponent(journeyId)}`;

  useEffect(() => {
    if (journey) document.title = `${t('measurement.dashboard')} · ${journey.journey.title} · Klantreis`;
  }, [journey?.journey.title, t]);

  return (
    <JourneyDocContext.Provider value={doc}>
      <div className="page page--dashboard">
        <header className="topbar">
          <a
            className="back"
            href={mapUrl}
            onClick={(e) => {
              e.preventDefault();
              navigate(mapUrl);
            }}
          >
            ← {t('measurement.backToMap')}
          </a>
          <span className="topbar__title">{journey?.journey.title}</span>
          <div className="topbar__spacer" />
          <label className="period-select">
            {t('measurement.period')}
            <select value={period} onChange={(e) => setPeriod(e.target.value as MetricsPeriod)} data-testid="period">
              {(['week', 'month', 'quarter'] as const).map((p) => (
                <option key={p} value={p}>
                  {t(`measurement.periods.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <LanguageSwitch />
        </header>
        {saveProblem === 'refused' && <SaveRefusedBanner onReload={reloadFromServer} />}
        <main id="main" className="dashboard" data-testid="dashboard" inert={saveProblem === 'refused'}>
          <h1>{t('measurement.title', { title: journey?.journey.title ?? '' })}</h1>
          {problem && (
            <p role="alert" className="error">
              {problem === 'not-found' ? t('editor.notFound') : t('editor.outdated')}
            </p>
          )}
          {error && (
            <p role="alert" className="error">
              {t('measurement.failed', { error })}
            </p>
          )}
          {journey && (
            <DashboardBody
              journeyId={journeyId}
              journey={journey}
              measurement={measurement}
              loading={loading}
              onImport={setImporting}
              onChanged={importsChanged}
            />
          )}
          {importing && (
            <ImportDialog
              journeyId={journeyId}
              kind={importing}
              onClose={() => setImporting(null)}
              onImported={importsChanged}
            />
          )}
        </main>
      </div>
    </JourneyDocContext.Provider>
  );
}

function DashboardBody({
  journeyId,
  journey,
  measurement,
  loading,
  onImport,
  onChanged,
}: {
  journeyId: string;
  journey: JourneyDocument;
  measurement: Measurement | null;
  loading: boolean;
  onImport: (kind: ImportKind) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const names = stepNames(journey.steps, t('step.untitled'));
  const metrics = measurement?.metrics ?? null;
  const hasEvents = (metrics?.coverage.events ?? 0) > 0;
  const hasMapping = (metrics?.cases ?? 0) > 0;
  return (
    <div className="dashboard__grid" aria-busy={loading}>
      <ImportsSection journeyId={journeyId} imports={measurement?.imports ?? []} onImport={onImport} onChanged={onChanged} />
      {metrics && <SatisfactionComparison metrics={metrics} />}
      {loading && !measurement && <p className="hint dash-note">{t('measurement.loading')}</p>}
      {measurement && measurement.imports.length === 0 && <p className="hint dash-note">{t('measurement.empty')}</p>}
      {metrics && hasMapping && <KeyFigures metrics={metrics} />}
      {metrics && hasEvents && <ActivityMapping journey={journey} activities={metrics.coverage.activities} />}
      {metrics && hasEvents && !hasMapping && <p className="hint dash-note">{t('measurement.noMapping')}</p>}
      <XlaSection journey={journey} xla={measurement?.xla ?? null} measuring={loading && !measurement} />
      {metrics && hasMapping && (
        <>
          <FunnelChart metrics={metrics} names={names} />
          <TrendChart metrics={metrics} />
          <StepMetricsTable journey={journey} metrics={metrics} names={names} />
          <VariantsChart metrics={metrics} names={names} />
          <StepFlowTable metrics={metrics} names={names} />
          <SegmentsTable metrics={metrics} />
        </>
      )}
    </div>
  );
}
