// @mentions in comment text: the names are the people seen in the map and in the comments,
// and a mention is "@" followed by a name exactly as written, which may contain spaces.

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

export function matchingNames(names: readonly string[], query: string): string[] {
  const q = query.toLowerCase();
  return names.filter((name) => name.toLowerCase().startsWith(q) || name.toLowerCase().split(/\s+/).some((word) => word.startsWith(q))).slice(0, 6);
}

/** The known names mentioned in a text, longest first so "Anna de Vries" wins over "Anna". */
export function mentionsIn(text: string, names: readonly string[]): string[] {
  const found: string[] = [];
  let rest = text;
  for (const name of [...new Set(names)].sort((a, b) => b.length - a.length)) {
    const token = `@${name}`;
    if (rest.includes(token)) {
      found.push(name);
      rest = rest.split(token).join(' ');
    }
  }
  return found;
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
