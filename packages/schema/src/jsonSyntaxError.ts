// JSON.parse in V8 no longer says where a syntax error is. A user fixing an import file needs
// the line and column, so this small scanner walks the text once and reports the first error.

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class Scanner {
  private readonly text: string;
  position = 0;

  constructor(text: string) {
    this.text = text;
  }

  fail(message: string): never {
    throw Object.assign(new Error(message), { scanPosition: this.position });
  }

  skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.position] ?? '')) this.position++;
  }

  value(): void {
    this.skipSpace();
    const c = this.text[this.position];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return;
      }
    }
    this.fail(c === undefined ? 'unexpected end of the file, a value is missing' : `unexpected ${JSON.stringify(c)} where a value should be`);
  }

  private object(): void {
    this.position++;
    this.skipSpace();
    if (this.text[this.position] === '}') {
      this.position++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] !== '"') this.fail('expected a property name in double quotes');
      this.string();
      this.skipSpace();
      if (this.text[this.position] !== ':') this.fail('expected ":" after the property name');
      this.position++;
      this.value();
      this.skipSpace();
      const c = this.text[this.position];
      if (c === ',') {
        this.position++;
        continue;
      }
      if (c === '}') {
        this.position++;
        return;
      }
      this.fail('expected "," or "}" after a property');
    }
  }

  private array(): void {
    this.position++;
    this.skipSpace();
    if (this.text[this.position] === ']') {
      this.position++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const c = this.text[this.position];
      if (c === ',') {
        this.position++;
        continue;
      }
      if (c === ']') {
        this.position++;
        return;
      }
      this.fail('expected "," or "]" after an array item');
    }
  }

  private string(): void {
    this.position++;
    for (;;) {
      const c = this.text[this.position];
      if (c === undefined || c === '\n') this.fail('a string is not closed');
      if (c === '\\') this.position += 2;
      else if (c === '"') {
        this.position++;
        return;
      } else this.position++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.position, this.position + 400));
    if (!match) this.fail('not a valid number');
    this.position += match[0].length;
  }
}

/** Where the first syntax error of a JSON text is, or null when the text is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.skipSpace();
    if (scanner.position < text.length) scanner.fail('unexpected text after the end of the JSON value');
    return null;
  } catch (error) {
    const position = (error as { scanPosition?: number }).scanPosition ?? 0;
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return { line, column, message: (error as Error).message };
  }
}

/**
 * Where a JSON text nests deeper than `maxDepth`, found in one pass without parsing (a 30 MB
 * text of nested brackets took the server to 1 GB as JSON.parse built it), or null.
 */
export function findJsonNestingTooDeep(text: string, maxDepth: number): JsonSyntaxError | null {
  let depth = 0;
  let inString = false;
  for (let position = 0; position < text.length; position++) {
    const c = text.charCodeAt(position);
    if (inString) {
      if (c === 92 /* \\ */) position++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxDepth) {
        const before = text.slice(0, position);
        return { line: before.split('\n').length, column: position - before.lastIndexOf('\n'), message: `nested more than ${maxDepth} levels deep` };
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return null;
}
