// The lexer of page content (ISO 32000-1, 7.8.2): a decoded content stream read, byte by byte, as
// its operators in order, each with the span of its operands. Operands (numbers, names, strings,
// arrays, dictionaries) are passed over as tokens; an inline image (8.9.7) is one operator, `BI`,
// that runs to its `EI`, its data never read as operators. With pdf-lexer.ts, the one place in
// src/pdf that looks at bytes (issue 17); it reads bytes, not text, because a page's content is
// most of what finishing reads and bytes read faster.

/** 1 for each white-space byte (7.2.2). */
const WHITE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
/** 1 for each byte that ends a name, number or keyword: white space and delimiters (7.2.2). */
const ENDS = WHITE.slice();
for (const c of '()<>[]{}/%') ENDS[c.charCodeAt(0)] = 1;

/** The operators (table A.1) by their bytes, so that reading one makes no new string: one or two bytes index a table, three a map. */
const SHORT_OPERATORS: Array<string | undefined> = new Array(1 << 16);
const LONG_OPERATORS = new Map<number, string>();
for (const op of ['b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1', 'Do', 'DP', 'EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J', 'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S', 'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'TJ', 'Tj', 'TL', 'Tm', 'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"']) {
  const code = packBytes(Buffer.from(op, 'latin1'), 0, op.length);
  if (op.length < 3) SHORT_OPERATORS[code] = op;
  else LONG_OPERATORS.set(code, op);
}

/** The operator from `at` to `end`, as one of the strings above where it is one of them. */
function operatorName(data: Uint8Array, at: number, end: number): string {
  const length = end - at;
  const known = length === 1 ? SHORT_OPERATORS[data[at]!] : length === 2 ? SHORT_OPERATORS[data[at]! + data[at + 1]! * 256] : length === 3 ? LONG_OPERATORS.get(packBytes(data, at, end)) : undefined;
  return known ?? Buffer.from(data.buffer, data.byteOffset + at, length).toString('latin1');
}

/** Up to three bytes as one number, the first the lowest (none is 0: a NUL is white space). */
function packBytes(data: Uint8Array, start: number, end: number): number {
  let code = 0;
  for (let i = end - 1; i >= start; i--) code = code * 256 + data[i]!;
  return code;
}

/**
 * Reads a content stream's operators one at a time: `name`, where its operands start (`start`,
 * the operator's own start where it has none), where it starts (`at`) and where it ends (`end`).
 */
export class ContentLexer {
  name = '';
  start = 0;
  at = 0;
  end = 0;
  #pos = 0;
  #marked: { at: number; key: string; value: { tag: string; hasKey: boolean } } | undefined;

  constructor(readonly data: Uint8Array) {}

  /**
   * Reads the next operator, or with `markersOnly` the next marked-content operator (BDC, BMC,
   * EMC; 14.6), passing over the others as it passes over operands. False at the end. A string,
   * array or dictionary left open, or an image without EI, throws a SyntaxError.
   */
  next(markersOnly = false): boolean {
    const data = this.data;
    const limit = data.length;
    let i = this.#pos;
    let depth = 0;
    let operands = -1;
    // Tested in the order bytes come in a page: white space, numbers, glyphs in hex, names, operators.
    while (i < limit) {
      const c = data[i]!;
      if (WHITE[c] === 1) {
        i++;
        continue;
      }
      if (c === 0x25 /* % */) {
        while (i < limit && data[i] !== 0x0a && data[i] !== 0x0d) i++;
        continue;
      }
      if (operands < 0) operands = i;
      if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b) {
        for (i++; i < limit; i++) {
          const d = data[i]!;
          if ((d < 0x30 || d > 0x39) && d !== 0x2e) break;
        }
      } else if (c === 0x3c /* < */) {
        if (data[i + 1] !== 0x3c) i = hexEnd(data, i, limit);
        else {
          depth++;
          i += 2;
        }
      } else if (c === 0x2f /* / */) {
        i = wordEnd(data, i + 1, limit);
      } else if (c === 0x28 /* ( */) {
        i = literalEnd(data, i, limit);
      } else if (c === 0x5b /* [ */) {
        depth++;
        i++;
      } else if ((c === 0x5d /* ] */ || (c === 0x3e /* > */ && data[i + 1] === 0x3e)) && depth > 0) {
        depth--;
        i += c === 0x5d ? 1 : 2;
      } else if (c === 0x29 || c === 0x5d || c === 0x3e) {
        throw new SyntaxError(`a stray "${String.fromCharCode(c)}" at ${i}`);
      } else {
        const end = c === 0x7b || c === 0x7d ? i + 1 : wordEnd(data, i + 1, limit);
        if (depth > 0 || isOperand(data, i, end)) i = end;
        else if (!markersOnly || isMarker(data, i, end)) return this.#operator(operands, i, end);
        else {
          // An operator passed over: its operands are behind it; an inline image runs to its EI.
          operands = -1;
          i = end - i === 2 && data[i] === 0x42 /* B */ && data[i + 1] === 0x49 /* I */ ? inlineImageEnd(data, end) : end;
        }
      }
    }
    if (depth !== 0) throw new SyntaxError('an array or dictionary does not close');
    this.#pos = limit;
    return false;
  }

  /**
   * For the BDC or BMC just read (14.6.2): its tag, the name its operands start with, and whether
   * its property list, where written in line, has `key` among its keys (read token by token).
   */
  markedContent(key: string): { tag: string; hasKey: boolean } {
    // Asked once per reader of the operator (page-content.ts has two): read once.
    if (this.#marked?.at === this.at && this.#marked.key === key) return this.#marked.value;
    const value = this.#readMarkedContent(key);
    this.#marked = { at: this.at, key, value };
    return value;
  }

  #readMarkedContent(key: string): { tag: string; hasKey: boolean } {
    const { data, at } = this;
    let i = whiteEnd(data, this.start, at);
    if (data[i] !== 0x2f /* / */) return { tag: '', hasKey: false };
    const tagEnd = wordEnd(data, i + 1, at);
    const tag = Buffer.from(data.buffer, data.byteOffset + i + 1, tagEnd - i - 1).toString('latin1');
    i = whiteEnd(data, tagEnd, at);
    const inline = data[i] === 0x3c && data[i + 1] === 0x3c;
    return { tag, hasKey: inline && dictionaryHas(data, i + 2, at, key) };
  }

  /** For the BDC just read: the MCID its in-line property list gives (14.7.4.2), or -1 where it gives none. */
  markedContentId(): number {
    const { data, at } = this;
    let i = whiteEnd(data, this.start, at);
    if (data[i] !== 0x2f /* / */) return -1;
    i = whiteEnd(data, wordEnd(data, i + 1, at), at);
    if (data[i] !== 0x3c || data[i + 1] !== 0x3c) return -1;
    const value = dictionaryValue(data, i + 2, at, 'MCID');
    if (value < 0) return -1;
    let mcid = 0;
    let digits = 0;
    for (let j = value; j < at && data[j]! >= 0x30 && data[j]! <= 0x39; j++, digits++) mcid = mcid * 10 + data[j]! - 0x30;
    return digits > 0 ? mcid : -1;
  }

  #operator(operands: number, at: number, end: number): boolean {
    const name = operatorName(this.data, at, end);
    this.name = name;
    this.start = operands;
    this.at = at;
    this.end = name === 'BI' ? inlineImageEnd(this.data, end) : end;
    this.#pos = this.end;
    return true;
  }
}

function whiteEnd(data: Uint8Array, at: number, limit: number): number {
  let i = at;
  while (i < limit && WHITE[data[i]!] === 1) i++;
  return i;
}

/**
 * Whether the dictionary whose entries start at `from` has the key. At its top level a name is a
 * key where a key is due; the token after a key is its value, and what follows a value up to the
 * next name (a reference's generation and `R`) belongs to it; arrays and dictionaries in a value
 * are passed over whole.
 */
function dictionaryHas(data: Uint8Array, from: number, limit: number, key: string): boolean {
  return dictionaryValue(data, from, limit, key) >= 0;
}

/** Where the value of `key` starts in the dictionary whose entries start at `from` (read as dictionaryHas reads); -1 where it has no such key. */
function dictionaryValue(data: Uint8Array, from: number, limit: number, key: string): number {
  let depth = 1;
  let keyDue = true;
  let i = from;
  while (i < limit) {
    const c = data[i]!;
    if (WHITE[c] === 1) {
      i++;
    } else if ((c === 0x3c && data[i + 1] === 0x3c) || c === 0x5b) {
      depth++;
      i += c === 0x5b ? 1 : 2;
    } else if ((c === 0x3e && data[i + 1] === 0x3e) || c === 0x5d) {
      if (--depth === 0) return -1;
      // A value that was an array or a dictionary has ended.
      if (depth === 1) keyDue = true;
      i += c === 0x5d ? 1 : 2;
    } else {
      const end = c === 0x28 ? literalEnd(data, i, limit) : c === 0x3c ? hexEnd(data, i, data.length) : wordEnd(data, i + 1, limit);
      if (depth === 1 && keyDue && c === 0x2f /* / */) {
        if (nameIs(data, i + 1, end, key)) return whiteEnd(data, end, limit);
        keyDue = false;
      } else if (depth === 1 && !keyDue) {
        keyDue = true;
      }
      i = end;
    }
  }
  return -1;
}

function nameIs(data: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (data[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** Whether the operator from `start` to `end` is BDC, BMC or EMC. */
function isMarker(data: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 3 || data[start + 2] !== 0x43 /* C */) return false;
  const first = data[start];
  const second = data[start + 1];
  return (first === 0x42 /* B */ && (second === 0x44 /* D */ || second === 0x4d /* M */)) || (first === 0x45 /* E */ && second === 0x4d);
}

/** `true`, `false` and `null` are operands; no operator is over three bytes long. */
function isOperand(data: Uint8Array, start: number, end: number): boolean {
  if (end - start < 4) return false;
  const word = Buffer.from(data.buffer, data.byteOffset + start, end - start).toString('latin1');
  return word === 'true' || word === 'false' || word === 'null';
}

// `limit` is passed in, not read from `data.length` in the loop: a Buffer's length getter there
// costs a third of the lexer's time.
function wordEnd(data: Uint8Array, at: number, limit: number): number {
  let i = at;
  while (i < limit && ENDS[data[i]!] !== 1) i++;
  return i;
}

/** Where the literal string at `at` ends: parentheses balance, a backslash escapes the next byte (7.3.4.2). */
function literalEnd(data: Uint8Array, at: number, limit: number): number {
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = data[i];
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  throw new SyntaxError(`an unterminated string at ${at}`);
}

// A loop, not `indexOf`: a glyph's hex string is a few bytes, shorter than a call into C++ takes.
function hexEnd(data: Uint8Array, at: number, limit: number): number {
  for (let i = at + 1; i < limit; i++) if (data[i] === 0x3e) return i + 1;
  throw new SyntaxError(`an unterminated hex string at ${at}`);
}

/**
 * Where the inline image whose `BI` ends at `from` ends (8.9.7): its dictionary runs to the `ID`
 * keyword, its data from the byte after to the first `EI` with white space before it and white
 * space, or the end, after it.
 */
function inlineImageEnd(data: Uint8Array, from: number): number {
  const limit = data.length;
  let i = from;
  for (;;) {
    if (i >= limit) throw new SyntaxError('an inline image without ID');
    const c = data[i]!;
    if (WHITE[c] === 1) i++;
    else if (c === 0x2f /* / */) i = wordEnd(data, i + 1, limit);
    else if (c === 0x28 /* ( */) i = literalEnd(data, i, limit);
    else if (c === 0x3c /* < */ && data[i + 1] !== 0x3c) i = hexEnd(data, i, limit);
    else if (ENDS[c] === 1) i++;
    else {
      // A number or a keyword: the dictionary ends at `ID`, its data one white-space byte after.
      const end = wordEnd(data, i + 1, limit);
      if (end - i === 2 && c === 0x49 /* I */ && data[i + 1] === 0x44 /* D */) {
        i = end + 1;
        break;
      }
      i = end;
    }
  }
  for (let at = data.indexOf(0x45 /* E */, i); at >= 0; at = data.indexOf(0x45, at + 1)) {
    const after = at + 2 < limit ? data[at + 2]! : 0x20;
    if (data[at + 1] === 0x49 /* I */ && WHITE[data[at - 1]!] === 1 && WHITE[after] === 1) return at + 2;
  }
  throw new SyntaxError('an inline image without EI');
}

/** Whether the byte before `at` is white space. */
export function followsWhiteSpace(data: Uint8Array, at: number): boolean {
  return at > 0 && WHITE[data[at - 1]!] === 1;
}
