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
