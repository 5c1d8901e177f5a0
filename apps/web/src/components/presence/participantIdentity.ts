import { initialsOf } from '@klantreis/schema';

// Who this browser is in a workshop: the signed-in account, or else a name the person chose
// (asked once, kept in localStorage) and a stable key, from which the colour follows, so a person keeps their
// colour across reloads and every participant sees the same colour for them.

const STORAGE_KEY = 'klantreis.participant';

/**
 * Dark enough that white initials on them meet WCAG AA (4.5:1 or more), and far apart in hue
 * so that two cursors on the big screen are told apart.
 */
export const PARTICIPANT_COLORS = ['#1a5fb4', '#a8231a', '#1b6b3a', '#7b2d8e', '#9a4a00', '#00696b', '#b0226a', '#4a5a00', '#5b4bb7', '#6b4f2a'] as const;

export interface Participant {
  key: string;
  /** Empty until the person has said who they are. */
  name: string;
}

export interface ParticipantIdentity {
  key: string;
  name: string;
  color: string;
  initials: string;
}

function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function loadParticipant(): Participant {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as Partial<Participant> | null;
    if (stored && typeof stored.key === 'string' && stored.key !== '') return { key: stored.key, name: typeof stored.name === 'string' ? stored.name : '' };
  } catch {
    // A damaged entry is replaced below, as if the person came for the first time.
  }
  const fresh = { key: randomKey(), name: '' };
  saveParticipant(fresh);
  return fresh;
}

export function saveParticipant(participant: Participant): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(participant));
}

export function participantColor(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PARTICIPANT_COLORS[hash % PARTICIPANT_COLORS.length]!;
}

/** A signed-in person as a participant: their account's name and key, the same on every device. */
export interface AccountParticipant {
  key: string;
  name: string;
}

/**
 * Who this browser is to the others: the signed-in account when there is one (the server
 * stamps the same name and key on what it relays, so nobody can appear as someone else), else
 * the name typed in this browser.
 */
export function identityOf(participant: Participant, fallbackName: string, account: AccountParticipant | null = null): ParticipantIdentity {
  const key = account?.key ?? participant.key;
  const name = account?.name.trim() || participant.name.trim() || fallbackName;
  return { key, name, color: participantColor(key), initials: initialsOf(name) };
}
