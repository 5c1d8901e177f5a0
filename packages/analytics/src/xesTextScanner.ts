import type { XesEventBuilder } from './xesEventBuilder.ts';

/*
 * A strict scanner for the part of XML that XES files are written in: an XML declaration,
 * comments, elements with quoted attributes (character and the five predefined entity references
 * in their values), and white space between elements. It drives the same XesEventBuilder as
 * saxes at a quarter of saxes' cost (BPIC 2012: 0.26 s of CPU, saxes with empty handlers 1.0 s):
 * it matches whole tags with regular expressions, most elements with one match, where saxes
 * steps through a state machine one character at a time.
 *
 * It never decides that a document is invalid. On anything it does not fully handle (a DOCTYPE,
 * CDATA, text, a processing instruction, a non-ASCII name, XML 1.1) and on anything malformed it
 * gives up, and the caller reads the file with saxes instead, which accepts or rejects exactly as
 * before and names the line and column of the error.
 */

/** White space as XML defines it (JavaScript's \s also matches other characters). */
const S = '[ \\t\\r\\n]';
/** ASCII names only; a name with other characters makes the scanner give up. */
const NAME = '[A-Za-z_:][-\\w.:]*';
/** Characters XML 1.0 forbids anywhere, besides lone surrogates, which the UTF-8 decoder never yields. */
const FORBIDDEN_CHARS = '\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff';
const FORBIDDEN_CHAR = new RegExp(`[${FORBIDDEN_CHARS}]`);
// Entity syntax is checked here, the names and code points by decodeAttributeValue.
const ENTITY = '&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);';
const quotedValue = (quote: string): string => `${quote}[^${quote}<&${FORBIDDEN_CHARS}]*(?:${ENTITY}[^${quote}<&${FORBIDDEN_CHARS}]*)*${quote}`;

/**
 * The common case, tried first: an attribute element in the form every XES writer uses, plain
 * values, no children. Leading white space included, so one match is one element.
 */
const EMPTY_ATTRIBUTE_ELEMENT = /[ \t\r\n]*<(?:string|date|int|float|boolean|id) key="[^"<&\x00-\x1f\ufffe\uffff]*" value="[^"<&\x00-\x1f\ufffe\uffff]*"\/>/y;
const KEY_PREFIX = ' key="';
const VALUE_PREFIX = '" value="';
const EMPTY_ELEMENT_END = '"/>';

const SPACES = /[ \t\r\n]*/y;
const START_TAG = new RegExp(`<(${NAME})((?:${S}+${NAME}${S}*=${S}*(?:${quotedValue('"')}|${quotedValue("'")}))*)${S}*(/?)>`, 'y');
/** The attributes of a START_TAG match, which has already checked their syntax. */
const ATTRIBUTE = new RegExp(`${S}+(${NAME})${S}*=${S}*(?:"([^"]*)"|'([^']*)')`, 'g');
const END_TAG = new RegExp(`</(${NAME})${S}*>`, 'y');
/** The XML declaration with the values saxes accepts for XML 1.0 (other versions switch saxes to XML 1.1 rules). */
const XML_DECLARATION = new RegExp(
  `<\\?xml${S}+version${S}*=${S}*(["'])1\\.0\\1` +
    `(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][A-Za-z0-9._-]*\\2)?` +
    `(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\3)?${S}*\\?>`,
  'y',
);
/** Raw white space in an attribute value becomes a space (XML's attribute value normalization); entities are replaced. */
const VALUE_ESCAPES = /\r\n|[\t\n\r]|&([^;]*);/g;
// A Map, not an object literal: `&constructor;` must not find Object.prototype.constructor.
const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

const LESS_THAN = 0x3c;
const SLASH = 0x2f;
const BANG = 0x21;
const GREATER_THAN = 0x3e;
const QUESTION_MARK = 0x3f;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BYTE_ORDER_MARK = 0xfeff;

/** How much of the next chunk is joined to a token cut off at the end of a chunk to finish it. */
const JOINED_CHARS = 4096;
/** An incomplete tag carried over to the next chunk is never longer: a longer one is left to saxes. */
const MAX_CARRIED_CHARS = 4 * 1024 * 1024;

/** The name of the EMPTY_ATTRIBUTE_ELEMENT whose name starts at `index`, told apart by its first letters. */
function attributeElementName(text: string, index: number): string {
  switch (text.charCodeAt(index)) {
    case 0x73: // s
      return 'string';
    case 0x64: // d
      return 'date';
    case 0x66: // f
      return 'float';
    case 0x62: // b
      return 'boolean';
    default:
      return text.charCodeAt(index + 1) === 0x6e ? 'int' : 'id';
  }
}

/** `event` or `trace` when the text at `start` is `<event>` or `<trace>`, else null. */
function plainStartTagName(text: string, start: number): 'event' | 'trace' | null {
  if (text.charCodeAt(start + 6) !== GREATER_THAN) return null;
  if (text.startsWith('event', start + 1)) return 'event';
  return text.startsWith('trace', start + 1) ? 'trace' : null;
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** The value as an XML parser reports it, or null for an entity that saxes refuses. */
function decodeAttributeValue(raw: string): string | null {
  if (raw.indexOf('&') === -1 && raw.indexOf('\n') === -1 && raw.indexOf('\t') === -1 && raw.indexOf('\r') === -1) return raw;
  let valid = true;
  const decoded = raw.replace(VALUE_ESCAPES, (match: string, entity: string | undefined) => {
    if (entity === undefined) return ' ';
    const replacement = decodeEntity(entity);
    if (replacement === null) valid = false;
    return replacement ?? '';
  });
  return valid ? decoded : null;
}

function decodeEntity(entity: string): string | null {
  if (entity.charCodeAt(0) !== 0x23) return PREDEFINED_ENTITIES.get(entity) ?? null;
  // `&#X41;` (capital X) is not a character reference; the START_TAG pattern already refuses it.
  const code = entity.charCodeAt(1) === 0x78 ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
  return isXmlChar(code) ? String.fromCodePoint(code) : null;
}

/** What scanning up to the end of the text found. */
type ScanOutcome = 'scanned' | 'gave-up';
/** Where a piece of markup ends, or that the text ends before it does. */
type MarkupEnd = number | 'incomplete' | 'gave-up';

export class XesTextScanner {
  private readonly builder: XesEventBuilder;
  /** The current chunk, after the part of the previous one that did not yet hold a whole token. */
  private text = '';
  /** Where the first token not yet scanned starts in `text`. */
  private position = 0;
  /** Line breaks before `countedTo` in the document. */
  private lineBreaks = 0;
  private countedTo = 0;
  private textHasCarriageReturn = false;
  private readonly openElements: string[] = [];
  private sawRoot = false;
  /** Only the very start of the document may hold the XML declaration. */
  private atDocumentStart = true;
  private checkedByteOrderMark = false;
  private gaveUp = false;

  constructor(builder: XesEventBuilder) {
    this.builder = builder;
  }

  /** Scans the next piece of the document; false when the scanner gives up and a full XML parser must read the document. */
  write(chunk: string): boolean {
    if (this.gaveUp) return false;
    if (!this.checkedByteOrderMark && chunk.length > 0) {
      // saxes skips one byte order mark at the start (the UTF-8 decoder has usually removed it).
      this.checkedByteOrderMark = true;
      if (chunk.charCodeAt(0) === BYTE_ORDER_MARK) chunk = chunk.slice(1);
    }
    const carried = this.text.length - this.position;
    if (carried === 0 || chunk.length <= JOINED_CHARS) {
      this.continueWith(chunk);
    } else {
      // The token cut off at the end of the last chunk is finished on a short join of the two, so
      // that the chunk is not copied behind it (that copy cost 0.7 ms per 1 MB chunk).
      this.continueWith(chunk.slice(0, JOINED_CHARS));
      if (this.gaveUp) return false;
      if (this.position >= carried) this.scanFrom(chunk, this.position - carried);
      else this.continueWith(chunk.slice(JOINED_CHARS));
    }
    if (this.text.length - this.position > MAX_CARRIED_CHARS) this.gaveUp = true;
    return !this.gaveUp;
  }

  /** Scans `more` after what is left unscanned of the current text. */
  private continueWith(more: string): void {
    this.scanFrom(this.position === this.text.length ? more : this.text.slice(this.position) + more, 0);
  }

  /** Scans `text` from `position`: the document goes on there from where the current text was scanned to. */
  private scanFrom(text: string, position: number): void {
    this.countLineBreaksTo(this.position);
    this.text = text;
    this.position = position;
    this.countedTo = position;
    this.textHasCarriageReturn = text.indexOf('\r', position) !== -1;
    if (this.scan(false) === 'gave-up') this.gaveUp = true;
  }

  /**
   * Whether text is held back for the next chunk (an incomplete tag, or one that may be
   * malformed: the scanner cannot tell until the rest arrives).
   */
  get holdsPartialToken(): boolean {
    SPACES.lastIndex = this.position;
    SPACES.test(this.text);
    return SPACES.lastIndex < this.text.length;
  }

  /** The document ended; false when the scanner gives up, also when it is incomplete or has no root element. */
  end(): boolean {
    if (this.gaveUp) return false;
    const complete = this.scan(true) === 'scanned' && !this.holdsPartialToken && this.sawRoot && this.openElements.length === 0;
    if (!complete) this.gaveUp = true;
    return complete;
  }

  private scan(final: boolean): ScanOutcome {
    const text = this.text;
    const length = text.length;
    const builder = this.builder;
    while (this.position < length) {
      if (this.openElements.length > 0) {
        EMPTY_ATTRIBUTE_ELEMENT.lastIndex = this.position;
        // test(), not exec(): no match array and no substrings for the parts that are known.
        if (EMPTY_ATTRIBUTE_ELEMENT.test(text)) {
          const end = EMPTY_ATTRIBUTE_ELEMENT.lastIndex;
          this.emptyAttributeElement(text.indexOf('<', this.position), end);
          this.position = end;
          continue;
        }
      }
      SPACES.lastIndex = this.position;
      SPACES.test(text);
      const start = SPACES.lastIndex;
      if (start === length) return 'scanned';
      // Text other than white space is saxes' to judge.
      if (text.charCodeAt(start) !== LESS_THAN) return 'gave-up';
      const end = this.scanMarkup(start);
      if (end === 'gave-up') return 'gave-up';
      // The markup goes on in the next chunk; at the end of the document it never ends.
      if (end === 'incomplete') return final ? 'gave-up' : 'scanned';
      this.atDocumentStart = false;
      this.position = end;
    }
    return 'scanned';
  }

  /** Hands over the EMPTY_ATTRIBUTE_ELEMENT from `start` to `end`: `<name key="k" value="v"/>`. */
  private emptyAttributeElement(start: number, end: number): void {
    const text = this.text;
    const name = attributeElementName(text, start + 1);
    const keyStart = start + 1 + name.length + KEY_PREFIX.length;
    const keyEnd = text.indexOf('"', keyStart);
    this.builder.emptyAttributeElement(name, text.slice(keyStart, keyEnd), text.slice(keyEnd + VALUE_PREFIX.length, end - EMPTY_ELEMENT_END.length));
  }

  /** Scans the markup at `start` (a `<`); returns where it ends. */
  private scanMarkup(start: number): MarkupEnd {
    if (start + 1 === this.text.length) return 'incomplete';
    const second = this.text.charCodeAt(start + 1);
    if (second === SLASH) return this.scanEndTag(start);
    if (second === BANG) return this.scanComment(start);
    if (second === QUESTION_MARK) return this.scanXmlDeclaration(start);
    return this.scanStartTag(start);
  }

  /**
   * A tag that did not match is either cut off by the end of the chunk or malformed. A valid tag
   * holds no `<`, so when another `<` follows, it is malformed (or beyond this scanner).
   */
  private unmatchedTag(start: number): MarkupEnd {
    return this.text.indexOf('<', start + 1) === -1 ? 'incomplete' : 'gave-up';
  }

  private scanStartTag(start: number): MarkupEnd {
    const plain = this.openElements.length > 0 ? plainStartTagName(this.text, start) : null;
    if (plain !== null) {
      // `<event>` and `<trace>` as every XES writer writes them: the same as a START_TAG match
      // without attributes, without running the regular expression and its captures once per event.
      const end = start + plain.length + 2;
      this.builder.startElement(plain, undefined, undefined, this.lineAt(end));
      this.openElements.push(plain);
      return end;
    }
    START_TAG.lastIndex = start;
    const tag = START_TAG.exec(this.text);
    if (tag === null) return this.unmatchedTag(start);
    // START_TAG's three groups take part in every match (the attributes and the slash may be
    // empty), as does ATTRIBUTE's name, and one of its two quoted values.
    const name = tag[1]!;
    if (this.openElements.length === 0) {
      if (this.sawRoot) return 'gave-up'; // a second root element
      this.sawRoot = true;
    }
    const end = START_TAG.lastIndex;
    let key: string | undefined;
    let value: string | undefined;
    const attributes = tag[2]!;
    if (attributes.length > 0) {
      const names: string[] = [];
      ATTRIBUTE.lastIndex = 0;
      for (let attribute = ATTRIBUTE.exec(attributes); attribute !== null; attribute = ATTRIBUTE.exec(attributes)) {
        const attributeName = attribute[1]!;
        if (names.includes(attributeName)) return 'gave-up';
        names.push(attributeName);
        const raw = (attribute[2] ?? attribute[3])!;
        const isKeyOrValue = attributeName === 'key' || attributeName === 'value';
        // Every value's references must be valid XML (`&foo;`, `&#0;` are not), used or not.
        if (!isKeyOrValue && !raw.includes('&')) continue;
        const decoded = decodeAttributeValue(raw);
        if (decoded === null) return 'gave-up';
        if (attributeName === 'key') key = decoded;
        else if (attributeName === 'value') value = decoded;
      }
    }
    this.builder.startElement(name, key, value, this.lineAt(end));
    if (tag[3] === '/') this.builder.endElement(name);
    else this.openElements.push(name);
    return end;
  }

  private scanEndTag(start: number): MarkupEnd {
    const open = this.openElements;
    const expected = open.at(-1) ?? '';
    const nameEnd = start + 2 + expected.length;
    // The usual case, `</name>` closing the open element, needs no regular expression.
    if (expected !== '' && this.text.charCodeAt(nameEnd) === GREATER_THAN && this.text.startsWith(expected, start + 2)) {
      open.pop();
      this.builder.endElement(expected);
      return nameEnd + 1;
    }
    END_TAG.lastIndex = start;
    const tag = END_TAG.exec(this.text);
    if (tag === null) return this.unmatchedTag(start);
    const name = tag[1]!; // END_TAG's one group takes part in every match
    if (this.openElements.at(-1) !== name) return 'gave-up';
    this.openElements.pop();
    this.builder.endElement(name);
    return END_TAG.lastIndex;
  }

  /** `<!--` … `-->`, where the comment holds no `--`. Any other `<!` (DOCTYPE, CDATA) is left to saxes. */
  private scanComment(start: number): MarkupEnd {
    const text = this.text;
    if (text.length < start + 4) return '<!--'.startsWith(text.slice(start)) ? 'incomplete' : 'gave-up';
    if (!text.startsWith('<!--', start)) return 'gave-up';
    const dashes = text.indexOf('--', start + 4);
    if (dashes === -1 || dashes + 2 >= text.length) return 'incomplete';
    if (text.charCodeAt(dashes + 2) !== GREATER_THAN) return 'gave-up';
    if (FORBIDDEN_CHAR.test(text.slice(start + 4, dashes))) return 'gave-up';
    return dashes + 3;
  }

  /** Only the XML declaration, and only at the start; other processing instructions are left to saxes. */
  private scanXmlDeclaration(start: number): MarkupEnd {
    if (!this.atDocumentStart || start !== this.position) return 'gave-up';
    XML_DECLARATION.lastIndex = start;
    return XML_DECLARATION.test(this.text) ? XML_DECLARATION.lastIndex : this.unmatchedTag(start);
  }

  /** The line that the character before `position` is on, as saxes counts: CR LF, CR and LF each end a line. */
  private lineAt(position: number): number {
    this.countLineBreaksTo(position);
    return this.lineBreaks + 1;
  }

  /** Counts the line breaks up to `position`; positions only move forward. */
  private countLineBreaksTo(position: number): void {
    const text = this.text;
    let from = this.countedTo;
    if (position <= from) return;
    let breaks = 0;
    if (this.textHasCarriageReturn) {
      for (let index = from; index < position; index++) {
        const code = text.charCodeAt(index);
        // A CR followed by LF is counted at the LF.
        if (code === LINE_FEED || (code === CARRIAGE_RETURN && text.charCodeAt(index + 1) !== LINE_FEED)) breaks++;
      }
    } else {
      for (let found = text.indexOf('\n', from); found !== -1 && found < position; found = text.indexOf('\n', from)) {
        breaks++;
        from = found + 1;
      }
    }
    this.lineBreaks += breaks;
    this.countedTo = position;
  }
}
