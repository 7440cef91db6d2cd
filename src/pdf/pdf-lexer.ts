// The PDF lexer (ISO 32000-1, 7.2 and 7.3): a file's bytes read as tokens. It is the one module of
// src/pdf that turns bytes into text (one character a byte, so offsets stay byte offsets) and
// looks at that text character by character; everything else reads tokens and values (issue 17).

/** What a token is; `Keyword` is any other run of regular characters (`R`, `obj`, `true`, `BT`). */
export const Token = {
  End: 0,
  Number: 1,
  Name: 2,
  String: 3,
  HexString: 4,
  ArrayStart: 5,
  ArrayEnd: 6,
  DictStart: 7,
  DictEnd: 8,
  Keyword: 9,
} as const;
export type TokenKind = (typeof Token)[keyof typeof Token];

const WHITE = 1;
const DELIMITER = 2;
const NUMERIC = 3;
/** Each byte's class (7.2.2-7.2.3): white space, delimiter, a character a number starts with, or regular. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = WHITE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIMITER;
for (const c of '+-.0123456789') CLASS[c.charCodeAt(0)] = NUMERIC;
/** 1 for each byte that ends a name, number or keyword: white space and delimiters. */
const ENDS = CLASS.map((kind) => (kind === WHITE || kind === DELIMITER ? 1 : 0));

/** The bytes as text, one character a byte: what the lexer reads, with byte offsets intact. */
export function bytesAsText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Whether the character ends a name, number or keyword (white space or a delimiter). */
function ends(c: number): boolean {
  return ENDS[c] === 1;
}

/**
 * Reads tokens one at a time from `at` up to `limit`. The current token is `kind`, from `start` to
 * `end`; for a number, `integer` says it was written as digits alone, and `number` reads its value.
 */
export class PdfLexer {
  kind: TokenKind = Token.End;
  start = 0;
  end = 0;
  integer = false;
  /** Where the next token is looked for. */
  pos: number;

  constructor(
    readonly text: string,
    at = 0,
    readonly limit = text.length,
  ) {
    this.pos = at;
  }

  /** Reads the next token, white space and comments skipped; a malformed one throws a SyntaxError. */
  next(): TokenKind {
    const { text, limit } = this;
    let i = this.pos;
    for (;;) {
      if (i >= limit) return this.#token(Token.End, limit, limit);
      const c = text.charCodeAt(i);
      if (c < 256 && CLASS[c] === WHITE) i++;
      else if (c === 0x25 /* % */) i = lineEnd(text, i, limit);
      else break;
    }
    const c = text.charCodeAt(i);
    if (c < 256 && CLASS[c] === NUMERIC) return this.#readNumber(i);
    switch (c) {
      case 0x2f /* / */:
        return this.#token(Token.Name, i, wordEnd(text, i + 1, limit));
      case 0x28 /* ( */:
        return this.#token(Token.String, i, literalEnd(text, i, limit));
      case 0x3c /* < */:
        if (text.charCodeAt(i + 1) === 0x3c) return this.#token(Token.DictStart, i, i + 2);
        return this.#token(Token.HexString, i, hexEnd(text, i, limit));
      case 0x3e /* > */:
        if (text.charCodeAt(i + 1) === 0x3e && i + 1 < limit) return this.#token(Token.DictEnd, i, i + 2);
        throw new SyntaxError(`a stray ">" at ${i}`);
      case 0x5b /* [ */:
        return this.#token(Token.ArrayStart, i, i + 1);
      case 0x5d /* ] */:
        return this.#token(Token.ArrayEnd, i, i + 1);
      case 0x7b /* { */:
      case 0x7d /* } */:
        // PostScript calculator braces (7.10.5): keywords of one character.
        return this.#token(Token.Keyword, i, i + 1);
      case 0x29 /* ) */:
        throw new SyntaxError(`a stray ")" at ${i}`);
      default:
        return this.#token(Token.Keyword, i, wordEnd(text, i + 1, limit));
    }
  }

  /** The current number token's value, read when asked for: most numbers of a page are only passed over. */
  get number(): number {
    const { text, start, end } = this;
    if (!this.integer) return Number(text.slice(start, end)) || 0;
    let value = 0;
    for (let i = start; i < end; i++) value = value * 10 + (text.charCodeAt(i) - 0x30);
    return value;
  }

  /** Whether the current token is the keyword `word`. */
  is(word: string): boolean {
    return this.kind === Token.Keyword && this.end - this.start === word.length && this.text.startsWith(word, this.start);
  }

  /** The current token as written. */
  token(): string {
    return this.text.slice(this.start, this.end);
  }

  /** The current name token without its slash, as written (#xx escapes kept). */
  name(): string {
    return this.text.slice(this.start + 1, this.end);
  }

  /** Makes an earlier token the current one again; the next is read after it. */
  rewind(kind: TokenKind, start: number, end: number): void {
    this.#token(kind, start, end);
  }

  /** Where stream data starts after the `stream` keyword just read: past its end-of-line (7.3.8.1). */
  streamStart(): number {
    const at = this.end;
    if (this.text.charCodeAt(at) === 0x0d) return this.text.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1;
    return this.text.charCodeAt(at) === 0x0a ? at + 1 : at;
  }

  #token(kind: TokenKind, start: number, end: number): TokenKind {
    this.start = start;
    this.end = end;
    this.pos = end;
    return (this.kind = kind);
  }

  #readNumber(at: number): TokenKind {
    const { text, limit } = this;
    let i = at;
    let integer = true;
    const first = text.charCodeAt(i);
    if (first === 0x2b || first === 0x2d) {
      integer = false;
      i++;
    }
    for (; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2e /* . */) integer = false;
      else if (c < 0x30 || c > 0x39) break;
    }
    this.integer = integer;
    return this.#token(Token.Number, at, i);
  }
}

function lineEnd(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
    i++;
  }
  return i;
}

function wordEnd(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && ENDS[text.charCodeAt(i)] !== 1) i++;
  return i;
}

/** Where the literal string at `at` ends: parentheses balance, a backslash escapes the next byte (7.3.4.2). */
function literalEnd(text: string, at: number, limit: number): number {
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  throw new SyntaxError(`an unterminated string at ${at}`);
}

function hexEnd(text: string, at: number, limit: number): number {
  const close = text.indexOf('>', at);
  if (close < 0 || close >= limit) throw new SyntaxError(`an unterminated hex string at ${at}`);
  return close + 1;
}

/** The byte offset `startxref` gives, read from the file's last 1 KB; undefined where there is none. */
export function readStartXref(text: string): number | undefined {
  const at = text.lastIndexOf('startxref', text.length);
  if (at < 0 || at < text.length - 1024) return undefined;
  const lexer = new PdfLexer(text, at);
  lexer.next();
  if (!lexer.is('startxref') || lexer.next() !== Token.Number || !lexer.integer) return undefined;
  return lexer.number;
}

/**
 * Where a stream's data ends when its /Length does not bring the lexer to `endstream`: before the
 * end-of-line that precedes the first `endstream` keyword after `from`; undefined where none is.
 */
export function findStreamEnd(text: string, from: number): number | undefined {
  for (let at = text.indexOf('endstream', from); at >= 0; at = text.indexOf('endstream', at + 1)) {
    if (at + 9 < text.length && !ends(text.charCodeAt(at + 9))) continue;
    let end = at;
    if (text.charCodeAt(end - 1) === 0x0a) end--;
    if (text.charCodeAt(end - 1) === 0x0d) end--;
    return Math.max(end, from);
  }
  return undefined;
}

/** Whether the text at `at` is, after white space, the keyword `word`. */
export function keywordAt(text: string, at: number, word: string): boolean {
  const lexer = new PdfLexer(text, at);
  try {
    lexer.next();
  } catch {
    return false;
  }
  return lexer.is(word);
}
