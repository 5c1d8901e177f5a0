import type { ParticipantIdentity } from './participantIdentity.ts';

/** A participant's initials on their colour; decorative, the caller names the person. */
export function ParticipantAvatar({ identity, size = 28 }: { identity: Pick<ParticipantIdentity, 'color' | 'initials'>; size?: number }) {
  return (
    <span className="participant-avatar" style={{ background: identity.color, width: size, height: size, fontSize: size * 0.4 }} aria-hidden="true">
      {identity.initials}
    </span>
  );
}
