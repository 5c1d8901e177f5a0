import { useTranslation } from 'react-i18next';
import { DOTS_PER_PARTICIPANT, type JourneyDocument } from '@klantreis/schema';
import { useOwnIdentity } from '../../stores/presenceStore.ts';
import { useWorkshopStore } from '../../stores/workshopStore.ts';
import { CaptureInbox } from './CaptureInbox.tsx';
import { QuickCapture } from './QuickCapture.tsx';
import { WorkshopTimer } from './WorkshopTimer.tsx';

/** The facilitator's helpers: the shared timer, quick capture with its inbox, and dot voting. */
export function WorkshopPanel({ journey }: { journey: JourneyDocument }) {
  const { t } = useTranslation();
  const me = useOwnIdentity();
  const voting = useWorkshopStore((s) => s.voting);
  const spent = journey.votes.filter((v) => v.voterKey === me.key).reduce((sum, v) => sum + v.dots, 0);
  return (
    <section className="workshop" aria-labelledby="workshop-title" data-testid="workshop-panel">
      <div className="panel__head">
        <h2 id="workshop-title">{t('workshop.title')}</h2>
      </div>
      <WorkshopTimer />
      <section aria-labelledby="capture-title">
        <h3 id="capture-title">{t('workshop.capture')}</h3>
        <QuickCapture />
      </section>
      <CaptureInbox journey={journey} />
      <section aria-labelledby="voting-title">
        <h3 id="voting-title">{t('workshop.voting')}</h3>
        <p className="hint">{t('workshop.votingHint', { count: DOTS_PER_PARTICIPANT })}</p>
        <label className="checkbox">
          <input type="checkbox" name="dot-voting" checked={voting} onChange={(e) => useWorkshopStore.getState().setVoting(e.target.checked)} />
          {t('workshop.showVoting')}
        </label>
        <p data-testid="dots-left">{t('workshop.dotsLeft', { count: DOTS_PER_PARTICIPANT - spent })}</p>
      </section>
    </section>
  );
}
