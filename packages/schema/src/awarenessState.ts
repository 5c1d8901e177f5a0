import { z } from 'zod';
import { MAX_TITLE_LENGTH } from './limits.ts';

// What one editor publishes in awareness (presence, never stored): who they are, their
// selection, pointer and view, and the workshop timer. A websocket accepts any bytes, so the
// server drops a state that does not fit this (it blanked every open editor of the journey:
// a name that was an object made React throw), and the editor reads others' states through it.

/** A state larger than this is no editor's: ours are a few hundred bytes. */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024;

const finite = z.number().finite();

export const workshopTimerSchema = z.strictObject({
  durationMs: finite.min(0),
  remainingMs: finite,
  startedAt: finite.nullable(),
  updatedAt: finite,
});

export const awarenessStateSchema = z.object({
  user: z
    .strictObject({
      key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -'),
      name: z.string().max(MAX_TITLE_LENGTH),
      // It becomes a CSS colour in every other editor: nothing but #rrggbb.
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb'),
      initials: z.string().max(8),
    })
    .optional(),
  selection: z.string().max(100).nullable().optional(),
  cursor: z.strictObject({ x: finite, y: finite }).nullable().optional(),
  viewport: z.strictObject({ left: finite, top: finite }).nullable().optional(),
  versionsRevision: finite.optional(),
  timer: workshopTimerSchema.nullable().optional(),
});

export type AwarenessState = z.infer<typeof awarenessStateSchema>;
export type WorkshopTimerState = z.infer<typeof workshopTimerSchema>;

/** Why a published state is refused, or null when it fits. */
export function awarenessStateProblem(state: unknown): string | null {
  const size = JSON.stringify(state ?? null).length;
  if (size > MAX_AWARENESS_STATE_BYTES) return `${size} bytes, more than ${MAX_AWARENESS_STATE_BYTES}`;
  const parsed = awarenessStateSchema.safeParse(state);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join('.') || 'the state'}: ${issue.message}`;
}

/**
 * A signed-in person's participant key: the same on every device they use, so they keep their
 * colour and their dots, and the server can check that a vote or a presence is theirs. 16
 * lower-case hex digits from two FNV-1a hashes of the account id (not a secret: the id is not
 * one either), which fit both the awareness key and a vote's voterKey.
 */
export function participantKeyOf(accountId: string): string {
  const fnv = (seed: number) => {
    let hash = seed >>> 0;
    for (let i = 0; i < accountId.length; i++) hash = Math.imul(hash ^ accountId.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x050c5d1f);
}

/** "Anna de Vries" → "AV"; one word gives its first two letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words[words.length - 1]![0]!).toUpperCase();
}
