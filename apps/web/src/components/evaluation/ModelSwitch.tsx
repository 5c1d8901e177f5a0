import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WEIGHTS, MODEL_KINDS, type RememberedModel } from '@klantreis/evaluation';
import { useEditorStore } from '../../stores/editorStore.ts';

type Weights = { start: number; peak: number; end: number };
const WEIGHT_FIELDS = ['start', 'peak', 'end'] as const;

/** Peak-end, mean, or a weighted model whose start, peak and end weights the reader sets. */
export function ModelSwitch() {
  const { t } = useTranslation();
  const model = useEditorStore((s) => s.rememberedModel);
  const setModel = useEditorStore((s) => s.setRememberedModel);
  // The weights are kept while another model is chosen, so switching back restores them.
  const [weights, setWeights] = useState<Weights>(model.kind === 'weighted' ? model : { ...DEFAULT_WEIGHTS });

  function choose(kind: RememberedModel['kind']) {
    setModel(kind === 'weighted' ? { kind, ...weights } : { kind });
  }

  function setWeight(field: keyof Weights, value: string) {
    const number = Number(value);
    if (value === '' || !Number.isFinite(number) || number < 0) return;
    const next = { ...weights, [field]: number };
    setWeights(next);
    // All zero weights cannot be computed: keep the model as it was until one is raised again.
    if (next.start + next.peak + next.end > 0) setModel({ kind: 'weighted', ...next });
  }

  return (
    <fieldset className="model-switch" data-testid="model-switch">
      <legend>{t('evaluation.model')}</legend>
      <div className="segmented">
        {MODEL_KINDS.map((kind) => (
          <label key={kind} className={model.kind === kind ? 'segmented__option segmented__option--on' : 'segmented__option'}>
            <input type="radio" name="remembered-model" value={kind} checked={model.kind === kind} onChange={() => choose(kind)} />
            {t(`evaluation.models.${kind}`)}
          </label>
        ))}
      </div>
      {model.kind === 'weighted' && (
        <fieldset className="weights">
          <legend className="visually-hidden">{t('evaluation.weightsLegend')}</legend>
          {WEIGHT_FIELDS.map((field) => (
            <label key={field}>
              {t(`evaluation.weights.${field}`)}
              <input type="number" min={0} max={10} step={0.5} value={weights[field]} onChange={(e) => setWeight(field, e.target.value)} />
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
