import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOwnIdentity, usePresenceStore } from '../../stores/presenceStore.ts';
import { ParticipantAvatar } from './ParticipantAvatar.tsx';
import { ParticipantNameForm } from './ParticipantNameForm.tsx';

/**
 * Who is in the map, for the top bar: this person first (their avatar opens the name form),
 * then everyone else, each a button to follow them on the big screen.
 */
export function ParticipantList() {
  const { t } = useTranslation();
  const me = useOwnIdentity();
  const peers = usePresenceStore((s) => s.peers);
  const following = usePresenceStore((s) => s.followingClientId);
  const [editing, setEditing] = useState(false);

  return (
    <div className="participants" role="group" aria-label={t('presence.inMap', { count: peers.length + 1 })} data-testid="participants">
      <div className="participants__me">
        <button
          type="button"
          className="participant"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
          title={t('presence.changeName')}
          data-testid="own-participant"
          data-name={me.name}
        >
          <ParticipantAvatar identity={me} />
          <span className="visually-hidden">{t('presence.you', { name: me.name })}, {t('presence.changeName')}</span>
        </button>
        {editing && (
          <div className="popover">
            <ParticipantNameForm submitLabel={t('presence.save')} onDone={() => setEditing(false)} />
          </div>
        )}
      </div>
      {peers.map((peer) => {
        const followed = following === peer.clientId;
        const label = followed ? t('presence.stopFollowing', { name: peer.name }) : t('presence.follow', { name: peer.name });
        return (
          <button
            key={peer.clientId}
            type="button"
            className={`participant${followed ? ' participant--followed' : ''}`}
            aria-pressed={followed}
            title={label}
            onClick={() => usePresenceStore.getState().follow(followed ? null : peer.clientId)}
            data-testid="peer"
            data-name={peer.name}
          >
            <ParticipantAvatar identity={peer} />
            {/* Named by hidden text, not aria-label: the initials are no part of the name. */}
            <span className="visually-hidden">{label}</span>
          </button>
        );
      })}
    </div>
  );
}

/** While following someone, says so and offers the way out. */
export function FollowBanner() {
  const { t } = useTranslation();
  const followed = usePresenceStore((s) => s.peers.find((p) => p.clientId === s.followingClientId));
  if (!followed) return null;
  return (
    <div className="follow-banner" role="status" style={{ borderColor: followed.color }} data-testid="follow-banner">
      <span>{t('presence.following', { name: followed.name })}</span>
      <button type="button" onClick={() => usePresenceStore.getState().follow(null)}>
        {t('presence.stop')}
      </button>
    </div>
  );
}
