/**
 * Reads a Python literal (what `repr()` of parsed JSON prints): some PeeringDB dumps were
 * saved that way, with single quotes, True/False/None. Only literals are accepted, never
 * code: dicts, lists, tuples, strings, numbers, True, False, None.
 */

export class PythonLiteralError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'PythonLiteralError';
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
};

export function parsePythonLiteral(text: string): unknown {
  const parser = new Parser(text);
  const value = parser.value();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('unexpected text after the end of the value');
  return value;
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(what: string, at: number = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const reached = at >= this.text.length ? ' (the text ends there: is the file complete?)' : '';
    throw new PythonLiteralError(`${what} at line ${line}, column ${column}${reached}`, at);
  }

  skipSpace(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.dict();
      case '[':
        return this.sequence(']');
      case '(':
        return this.sequence(')');
      case "'":
      case '"':
        return this.string();
      case undefined:
        return this.fail('a value is missing');
    }
    if (/[uUrR]/.test(c) && /['"]/.test(this.text[this.pos + 1] ?? '')) return this.string();
    if (/[-+\d.]/.test(c)) return this.number();
    const word = /^[A-Za-z_]\w*/.exec(this.text.slice(this.pos, this.pos + 32))?.[0];
    if (word === 'True' || word === 'False' || word === 'None') {
      this.pos += word.length;
      return word === 'True' ? true : word === 'False' ? false : null;
    }
    return this.fail(word ? `"${word}" is not a plain value (only literals are read)` : `unexpected "${c}"`);
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== char) this.fail(`"${char}" expected`);
    this.pos++;
  }

  /** Items up to `close`, separated by commas, a trailing comma allowed. */
  private items(close: string, item: () => void): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      item();
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === close) {
        this.pos++;
        return;
      }
      if (next !== ',') this.fail(`"," or "${close}" expected`);
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return;
      }
    }
  }

  private dict(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.items('}', () => {
      const at = this.pos;
      const key = this.value();
      if (typeof key !== 'string' && typeof key !== 'number') this.fail('a dict key must be a string or a number', at);
      this.expect(':');
      Object.defineProperty(result, String(key), { value: this.value(), enumerable: true, writable: true, configurable: true });
    });
    return result;
  }

  private sequence(close: ']' | ')'): unknown[] {
    const result: unknown[] = [];
    this.items(close, () => result.push(this.value()));
    return result;
  }

  private string(): string {
    const { text } = this;
    let raw = false;
    while (/[uUrR]/.test(text[this.pos] ?? '')) {
      if (/[rR]/.test(text[this.pos] ?? '')) raw = true;
      this.pos++;
    }
    const start = this.pos;
    const quote = text[this.pos];
    this.pos++;
    let out = '';
    for (;;) {
      // Copy the run up to the next quote or backslash in one slice: most strings have no escape.
      let end = this.pos;
      while (end < text.length && text[end] !== quote && text[end] !== '\\' && text[end] !== '\n') end++;
      out += text.slice(this.pos, end);
      this.pos = end;
      const c = text[this.pos];
      if (c === undefined || c === '\n') this.fail('a string is not closed', start);
      this.pos++;
      if (c === quote) return out;
      // A backslash.
      const e = text[this.pos];
      if (e === undefined) this.fail('a string is not closed', start);
      if (raw) {
        out += `\\${e}`;
        this.pos++;
        continue;
      }
      if (e in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[e];
        this.pos++;
      } else if (e === 'x' || e === 'u' || e === 'U') {
        const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(this.pos + 1, this.pos + 1 + digits);
        if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) this.fail(`a bad \\${e} escape`);
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) this.fail(`a bad \\${e} escape`);
        out += String.fromCodePoint(code);
        this.pos += 1 + digits;
      } else if (/[0-7]/.test(e)) {
        const octal = /^[0-7]{1,3}/.exec(text.slice(this.pos, this.pos + 3))![0];
        out += String.fromCharCode(parseInt(octal, 8));
        this.pos += octal.length;
      } else {
        // Python keeps unknown escapes as they are.
        out += `\\${e}`;
        this.pos++;
      }
    }
  }

  private number(): number {
    const match = /^[-+]?(\d[\d_]*)?(\.[\d_]*)?([eE][-+]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    const literal = match?.[0] ?? '';
    if (!/\d/.test(literal)) this.fail('a number expected');
    const value = Number(literal.replace(/_/g, ''));
    if (!Number.isFinite(value)) this.fail('a number out of range');
    this.pos += literal.length;
    return value;
  }
}
