// @mentions in comment text: a mention is "@" followed by a name as written, which may contain
// spaces. Whom a mention reaches is mentionResolution.ts's concern.

/** The "@Br" being typed just before the caret, if any: where it starts and what follows the @. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Replaces the "@Br" being typed with "@Bram de Vries " and says where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** The text cut into plain parts and mentions, for highlighting. */
export function splitMentions(text: string, mentions: readonly string[]): { text: string; mention: boolean }[] {
  const tokens = [...mentions].sort((a, b) => b.length - a.length).map((name) => `@${name}`);
  const parts: { text: string; mention: boolean }[] = [];
  let i = 0;
  let plain = '';
  while (i < text.length) {
    const token = tokens.find((t) => text.startsWith(t, i));
    if (token) {
      if (plain) parts.push({ text: plain, mention: false });
      plain = '';
      parts.push({ text: token, mention: true });
      i += token.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) parts.push({ text: plain, mention: false });
  return parts;
}
