import { useTranslation } from 'react-i18next';
import { usePresenceStore } from '../../stores/presenceStore.ts';
import { useSession } from '../../stores/sessionStore.ts';
import { ParticipantNameForm } from './ParticipantNameForm.tsx';

/**
 * Asks once for the person's name, as a strip under the top bar rather than a modal: the map
 * stays usable, and until they answer the others see a neutral "Guest".
 */
export function ParticipantNamePrompt() {
  const { t } = useTranslation();
  // A signed-in person is named by their account (also while it loads); only a browser
  // without one is asked.
  const signedOut = useSession((s) => s.me === null);
  const named = usePresenceStore((s) => s.participant.name !== '');
  if (!signedOut || named) return null;
  return (
    <section className="name-prompt" aria-label={t('presence.promptLabel')}>
      <p>{t('presence.prompt')}</p>
      <ParticipantNameForm submitLabel={t('presence.join')} />
    </section>
  );
}
