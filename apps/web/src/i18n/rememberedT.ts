import type { TFunction } from 'i18next';

type PlainT = (key: string | string[], options?: Record<string, unknown>) => string;

/** Stands for the n-th value in a remembered pattern; no text a person types contains it. */
const SLOT = /\u0001(\d+)\u0001/g;

/**
 * `t` that remembers what it made, for views that ask for the same texts many times (the
 * portfolio's rows: 15 texts a row, most alike, and labels that differ only in a journey's
 * title). i18next resolves key, plural and interpolation on every call: 900 calls were 80 ms of
 * the table's first 60 rows. A text with only words in its values (no count, no context) is
 * made once as a pattern and filled in; any other is remembered whole.
 * Make a new one when the language changes.
 */
export function rememberedT(t: TFunction): TFunction {
  const plain = t as unknown as PlainT;
  const made = new Map<string, string>();
  const remember = (id: string, make: () => string): string => {
    let text = made.get(id);
    if (text === undefined) {
      text = make();
      made.set(id, text);
    }
    return text;
  };
  const remembering: PlainT = (key, options) => {
    if (options === undefined) return remember(String(key), () => plain(key));
    const names = Object.keys(options);
    if (names.every((name) => typeof options[name] === 'string' && name !== 'context' && name !== 'defaultValue')) {
      const pattern = remember(`${String(key)}\u0000${names.join('\u0000')}`, () => plain(key, Object.fromEntries(names.map((name, i) => [name, `\u0001${i}\u0001`]))));
      return pattern.replace(SLOT, (_, i: string) => options[names[Number(i)]!] as string);
    }
    return remember(`${String(key)}\u0000${JSON.stringify(options)}`, () => plain(key, options));
  };
  return remembering as unknown as TFunction;
}
