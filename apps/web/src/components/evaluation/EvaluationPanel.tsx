import type { Evaluation } from '@klantreis/evaluation';
import type { JourneyDocument } from '@klantreis/schema';
import { FindingList } from './FindingList.tsx';
import { ImportancePerformanceMap } from './ImportancePerformanceMap.tsx';
import { KanoSection } from './KanoSection.tsx';
import { RememberedSummary } from './RememberedSummary.tsx';

/** The evaluation beside the map, computed live from the open document. */
export function EvaluationPanel({ journey, evaluation }: { journey: JourneyDocument; evaluation: Evaluation }) {
  return (
    <div className="evaluation" data-testid="evaluation-panel">
      <RememberedSummary evaluation={evaluation} />
      <FindingList journey={journey} findings={evaluation.findings} />
      <ImportancePerformanceMap journey={journey} result={evaluation.importancePerformance} />
      <KanoSection journey={journey} elements={evaluation.kano} />
    </div>
  );
}
