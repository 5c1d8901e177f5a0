import { useTranslation } from 'react-i18next';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_METRIC_IDS,
  INDICATOR_METRICS,
  INDICATOR_PERIODS,
  type IndicatorId,
  type IndicatorRecord,
  type IndicatorUnit,
  type JourneyDocument,
  type StepId,
} from '@klantreis/schema';
import { addIndicator, deleteIndicator, updateIndicator } from '@klantreis/sync';
import type { IndicatorEvaluation, XlaEvaluation } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { stepNames } from '../evaluation/stepNames.ts';
import { axisText, durationText, numberText, periodText } from './formatMeasures.ts';

export function unitText(value: number | null, unit: IndicatorUnit, locale: 'nl' | 'en'): string {
  if (value === null) return '–';
  switch (unit) {
    case 'axis':
      return axisText(value, locale);
    case 'percent':
      return `${numberText(value, locale, 1)}%`;
    case 'minutes':
      return durationText(value * 60, locale);
    case 'points':
      return numberText(value, locale);
    case 'count':
      return numberText(value, locale, 1);
  }
}

/** A sensible margin for a new target in each unit: a quarter point, five percent points, … */
const DEFAULT_MARGIN: Record<IndicatorUnit, number> = { axis: 0.25, percent: 5, minutes: 10, points: 10, count: 0.5 };
const DEFAULT_TARGET: Record<IndicatorUnit, number> = { axis: 1, percent: 80, minutes: 60, points: 20, count: 3 };

/**
 * The journey's XLA: its experience indicators, each with its target, status in the latest period
 * and trend. Indicators are records of the journey document, edited live like the map.
 */
export function XlaSection({ journey, xla, measuring = false }: { journey: JourneyDocument; xla: XlaEvaluation | null; measuring?: boolean }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const evaluations = new Map((xla?.indicators ?? []).map((e) => [e.indicatorId, e]));
  const hasSentiment = journey.indicators.some((i) => i.kind === 'X');
  return (
    <section className="dash-section dash-section--wide" aria-labelledby="xla-title" data-testid="xla">
      <h2 id="xla-title">{t('measurement.xla.title')}</h2>
      <p className="hint">{t('measurement.xla.help')}</p>
      {xla && journey.indicators.length > 0 && (
        <p className="xla-counts">{t('measurement.xla.counts', { met: xla.counts.met, atRisk: xla.counts['at-risk'], missed: xla.counts.missed })}</p>
      )}
      {journey.indicators.length > 0 && !hasSentiment && (
        <p className="finding-alert" role="note">
          {t('measurement.xla.noSentiment')}
        </p>
      )}
      {journey.indicators.length === 0 && <p className="hint">{t('measurement.xla.none')}</p>}
      <ul className="plain-list xla-list">
        {journey.indicators.map((indicator) => (
          <IndicatorRow key={indicator.id} journey={journey} indicator={indicator} evaluation={evaluations.get(indicator.id) ?? null} measuring={measuring} />
        ))}
      </ul>
      <button type="button" onClick={() => edit((doc, origin) => addIndicator(doc, { name: '', kind: 'X', metric: 'journey-score', target: 1, margin: 0.25 }, origin))} data-testid="xla-add">
        + {t('measurement.xla.add')}
      </button>
    </section>
  );
}

function IndicatorRow({ journey, indicator, evaluation, measuring }: { journey: JourneyDocument; indicator: IndicatorRecord; evaluation: IndicatorEvaluation | null; measuring: boolean }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const edit = useJourneyEdit();
  const names = stepNames(journey.steps, t('step.untitled'));
  const spec = INDICATOR_METRICS[indicator.metric];
  const update = (patch: Partial<IndicatorRecord>) => edit((doc, origin) => updateIndicator(doc, indicator.id as IndicatorId, patch, origin));
  const name = indicator.name || t('measurement.xla.untitled');
  // While the first measurement is on its way, "no data" would be a claim it cannot make yet.
  const status = evaluation?.status ?? (measuring ? 'measuring' : 'no-data');
  const id = (field: string) => `${indicator.id}-${field}`;

  function chooseMetric(metric: IndicatorRecord['metric']) {
    const next = INDICATOR_METRICS[metric];
    const unitChanged = next.unit !== spec.unit;
    update({
      metric,
      kind: next.kind,
      stepId: next.step === 'none' ? null : indicator.stepId,
      ...(unitChanged ? { target: DEFAULT_TARGET[next.unit], margin: DEFAULT_MARGIN[next.unit] } : {}),
      direction: next.unit === 'minutes' || metric === 'drop-off-rate' || metric === 'repeat-contact-rate' || metric === 'contacts-per-case' ? 'at-most' : 'at-least',
    });
  }

  return (
    <li className={`indicator indicator--${status}`} data-indicator-id={indicator.id} data-status={status}>
      <div className="indicator__head">
        <span className={`status-badge status-badge--${status}`}>{t(`measurement.xla.status.${status}`)}</span>
        <span className="indicator__value">
          {evaluation?.value !== null && evaluation?.value !== undefined
            ? t('measurement.xla.value', { value: unitText(evaluation.value, spec.unit, locale), period: evaluation.period === null ? '' : periodText(evaluation.period, indicator.period, locale) })
            : ''}
          {evaluation?.trend ? ` · ${t(`measurement.xla.trend.${evaluation.trend}`)}` : ''}
        </span>
        {evaluation && evaluation.series.length > 1 && <Sparkline evaluation={evaluation} target={indicator.target} label={t('measurement.xla.sparkline', { name })} />}
        <button type="button" className="icon danger" onClick={() => edit((doc, origin) => deleteIndicator(doc, indicator.id as IndicatorId, origin))} aria-label={t('measurement.xla.delete', { name })}>
          ×
        </button>
      </div>
      {evaluation?.problem === 'needs-step' && <p className="hint">{t('measurement.xla.needsStep')}</p>}
      <div className="row indicator__fields">
        <label htmlFor={id('name')}>
          {t('measurement.xla.name')}
          <input id={id('name')} value={indicator.name} maxLength={200} onChange={(e) => update({ name: e.target.value })} />
        </label>
        <label htmlFor={id('kind')}>
          {t('measurement.xla.kind')}
          <select id={id('kind')} value={indicator.kind} onChange={(e) => update({ kind: e.target.value as IndicatorRecord['kind'] })}>
            {INDICATOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`measurement.xla.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={id('metric')}>
          {t('measurement.xla.metric')}
          <select id={id('metric')} value={indicator.metric} onChange={(e) => chooseMetric(e.target.value as IndicatorRecord['metric'])} data-field="metric">
            {INDICATOR_METRIC_IDS.map((metric) => (
              <option key={metric} value={metric}>
                {t(`measurement.xla.metrics.${metric}`)}
              </option>
            ))}
          </select>
        </label>
        {spec.step !== 'none' && (
          <label htmlFor={id('step')}>
            {t('measurement.xla.step')}
            <select id={id('step')} value={indicator.stepId ?? ''} onChange={(e) => update({ stepId: (e.target.value || null) as StepId | null })} data-field="step">
              <option value="">{spec.step === 'required' ? t('measurement.xla.chooseStep') : t('measurement.xla.anyStep')}</option>
              {journey.steps.map((step) => (
                <option key={step.id} value={step.id}>
                  {names.get(step.id)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label htmlFor={id('direction')}>
          {t('measurement.xla.direction')}
          <select id={id('direction')} value={indicator.direction} onChange={(e) => update({ direction: e.target.value as IndicatorRecord['direction'] })}>
            {INDICATOR_DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {t(`measurement.xla.directions.${direction}`)}
              </option>
            ))}
          </select>
        </label>
        <NumberField id={id('target')} label={t('measurement.xla.target')} value={indicator.target} onChange={(target) => update({ target })} />
        <NumberField id={id('margin')} label={t('measurement.xla.margin')} value={indicator.margin} min={0} onChange={(margin) => update({ margin })} />
        <label htmlFor={id('period')}>
          {t('measurement.xla.period')}
          <select id={id('period')} value={indicator.period} onChange={(e) => update({ period: e.target.value as IndicatorRecord['period'] })}>
            {INDICATOR_PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`measurement.xla.periods.${period}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </li>
  );
}

function NumberField({ id, label, value, min, onChange }: { id: string; label: string; value: number; min?: number; onChange: (value: number) => void }) {
  return (
    <label htmlFor={id} className="indicator__number">
      {label}
      <input
        id={id}
        type="number"
        step="any"
        min={min}
        defaultValue={value}
        key={value}
        onBlur={(e) => {
          const next = Number(e.target.value.replace(',', '.'));
          if (e.target.value.trim() !== '' && Number.isFinite(next) && (min === undefined || next >= min)) onChange(next);
        }}
      />
    </label>
  );
}

/** The last periods' values with the target as a dashed line; each point coloured by its status. */
function Sparkline({ evaluation, target, label }: { evaluation: IndicatorEvaluation; target: number; label: string }) {
  const width = 120;
  const height = 32;
  const values = evaluation.series.map((p) => p.value ?? target);
  const low = Math.min(target, ...values);
  const high = Math.max(target, ...values);
  const y = (v: number) => (high === low ? height / 2 : height - 4 - ((v - low) / (high - low)) * (height - 8));
  const x = (i: number) => 4 + (i * (width - 8)) / Math.max(1, values.length - 1);
  return (
    <svg width={width} height={height} className="sparkline" role="img" aria-label={label}>
      <line x1={0} x2={width} y1={y(target)} y2={y(target)} className="sparkline__target" />
      <polyline points={values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} className="sparkline__line" />
      {evaluation.series.map((p, i) => (
        <circle key={p.period} cx={x(i)} cy={y(values[i]!)} r={3} className={`sparkline__dot sparkline__dot--${p.status}`} />
      ))}
    </svg>
  );
}
