// Who this browser is in a workshop: a name the person chose (asked once, kept in
// localStorage) and a stable key, from which the colour follows, so a person keeps their
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

/** "Anna de Vries" → "AV"; one word gives its first two letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words[words.length - 1]![0]!).toUpperCase();
}

export function identityOf(participant: Participant, fallbackName: string): ParticipantIdentity {
  const name = participant.name.trim() || fallbackName;
  return { key: participant.key, name, color: participantColor(participant.key), initials: initialsOf(name) };
}
