// Text as fonts and page content hold it, read from bytes (issue 19): a ToUnicode CMap (ISO
// 32000-1, 9.10.3) read as its code-to-text entries, and the operands of a content operator read
// as the bytes of their strings (a glyph's codes) or as numbers (a text matrix). With
// pdf-lexer.ts and content-lexer.ts, one of the places in src/pdf that look at bytes.

/** The text each character code of a ToUnicode CMap maps to (bfchar and bfrange entries). */
export function readToUnicode(cmap: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const tokens = cmapTokens(cmap);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i++];
    if (token === 'beginbfchar') {
      for (; i + 1 < tokens.length && tokens[i] !== 'endbfchar'; i += 2) {
        const [code, text] = [tokens[i], tokens[i + 1]];
        if (Array.isArray(code) && Array.isArray(text)) map.set(codeOf(code), utf16(text));
      }
    } else if (token === 'beginbfrange') {
      while (i + 2 < tokens.length && tokens[i] !== 'endbfrange') {
        const [low, high, target] = [tokens[i], tokens[i + 1], tokens[i + 2]];
        i += 3;
        if (!Array.isArray(low) || !Array.isArray(high)) continue;
        const from = codeOf(low);
        const to = Math.min(codeOf(high), from + 0xffff);
        if (target === '[') {
          // `[<text> <text> ...]`: one text for each code of the range, in order.
          for (let code = from; i < tokens.length && tokens[i] !== ']'; i++, code++) {
            const text = tokens[i];
            if (Array.isArray(text) && code <= to) map.set(code, utf16(text));
          }
          i++;
        } else if (Array.isArray(target)) {
          // One text, its last character counted up through the range.
          const text = utf16(target);
          const head = text.slice(0, -1);
          const last = text.charCodeAt(text.length - 1);
          for (let code = from; code <= to; code++) map.set(code, head + String.fromCharCode(last + code - from));
        }
      }
    }
  }
  return map;
}

/** A CMap's tokens: a hex string as its bytes, a bracket, or a word (keyword, name, number). */
type CmapToken = number[] | string;

function cmapTokens(data: Uint8Array): CmapToken[] {
  const tokens: CmapToken[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i]!;
    if (c <= 0x20) i++;
    else if (c === 0x25 /* % */) while (i < data.length && data[i] !== 0x0a && data[i] !== 0x0d) i++;
    else if (c === 0x3c && data[i + 1] !== 0x3c) {
      const end = data.indexOf(0x3e, i);
      if (end < 0) break;
      tokens.push(hexBytes(data, i + 1, end));
      i = end + 1;
    } else if (c === 0x5b || c === 0x5d) {
      tokens.push(c === 0x5b ? '[' : ']');
      i++;
    } else if (c === 0x28 /* ( */) {
      // A literal string (a CMap's name or registry): passed over whole.
      const { end } = literalBytes(data, i, data.length);
      i = end;
    } else {
      let end = i + 1;
      while (end < data.length && data[end]! > 0x20 && DELIMITER[data[end]!] !== 1) end++;
      tokens.push(keywordOf(data, i, end));
      i = end;
    }
  }
  return tokens;
}

/** 1 for each delimiter byte (7.2.2), a table: it is read once for each byte of every word. */
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

/** The words readToUnicode looks for; any other word is a token that holds nothing it reads. */
const CMAP_KEYWORDS = ['beginbfchar', 'endbfchar', 'beginbfrange', 'endbfrange'];
const OTHER_WORD = ' ';

/** The word from `start` to `end` where it is one of CMAP_KEYWORDS, else OTHER_WORD: most words (numbers, names) are never made strings. */
function keywordOf(data: Uint8Array, start: number, end: number): string {
  const first = data[start];
  // Each keyword starts with `b` or `e` and is 9 to 12 bytes long.
  if (end - start < 9 || end - start > 12 || (first !== 0x62 && first !== 0x65)) return OTHER_WORD;
  const word = latin1(data, start, end);
  return CMAP_KEYWORDS.includes(word) ? word : OTHER_WORD;
}

const codeOf = (bytes: number[]): number => bytes.reduce((code, byte) => code * 256 + byte, 0);

/** UTF-16BE bytes as text. */
function utf16(bytes: number[]): string {
  let text = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return text;
}

function latin1(data: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(data[i]!);
  return text;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** The bytes of a hex string's digits from `start` to `end` (7.3.4.3). */
function hexBytes(data: Uint8Array, start: number, end: number): number[] {
  const bytes: number[] = [];
  bytes.length = hexBytesInto(data, start, end, bytes, 0);
  return bytes;
}

/** Writes the bytes of a hex string's digits into `out` from index `n`; returns the index after them. */
function hexBytesInto(data: Uint8Array, start: number, end: number, out: number[], n: number): number {
  let high = -1;
  let count = n;
  for (let i = start; i < end; i++) {
    const digit = hexDigit(data[i]!);
    if (digit < 0) continue;
    if (high < 0) high = digit;
    else {
      out[count++] = high * 16 + digit;
      high = -1;
    }
  }
  if (high >= 0) out[count++] = high * 16;
  return count;
}

const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };

/** The bytes of the literal string at `at` and where it ends (7.3.4.2). */
function literalBytes(data: Uint8Array, at: number, limit: number): { bytes: number[]; end: number } {
  const bytes: number[] = [];
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = data[i]!;
    if (c === 0x5c /* \ */) {
      const e = data[++i]!;
      if (e >= 0x30 && e <= 0x37) {
        let code = 0;
        let digits = 0;
        for (; digits < 3 && data[i]! >= 0x30 && data[i]! <= 0x37; digits++, i++) code = code * 8 + data[i]! - 0x30;
        i--;
        bytes.push(code & 0xff);
      } else if (e !== 0x0a && e !== 0x0d) bytes.push(ESCAPES[e] ?? e);
      continue;
    }
    if (c === 0x28 && depth++ === 0) continue;
    if (c === 0x29 && --depth === 0) return { bytes, end: i + 1 };
    bytes.push(c);
  }
  return { bytes, end: limit };
}

/** The bytes of every string among an operator's operands (from `start` to `at`), in order: a Tj's one, a TJ array's. */
export function stringOperands(data: Uint8Array, start: number, at: number): number[] {
  const bytes: number[] = [];
  bytes.length = stringOperandsInto(data, start, at, bytes);
  return bytes;
}

/**
 * stringOperands written into `out` from its start, for a caller that reads many operators with
 * one array (its length is left as it was: setting it costs more than the reading); returns how
 * many bytes were written.
 */
export function stringOperandsInto(data: Uint8Array, start: number, at: number, out: number[]): number {
  let n = 0;
  for (let i = start; i < at; i++) {
    const c = data[i]!;
    if (c === 0x3c /* < */) {
      let end = i + 1;
      while (end < at && data[end] !== 0x3e) end++;
      if (end >= at) break;
      n = hexBytesInto(data, i + 1, end, out, n);
      i = end;
    } else if (c === 0x28 /* ( */) {
      const literal = literalBytes(data, i, at);
      for (const byte of literal.bytes) out[n++] = byte;
      i = literal.end - 1;
    }
  }
  return n;
}

/** The numbers among an operator's operands, in order (a Tm's six, a Tf's size). */
export function numberOperands(data: Uint8Array, start: number, at: number): number[] {
  const numbers: number[] = [];
  let i = start;
  while (i < at) {
    const c = data[i]!;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b) {
      let end = i + 1;
      while (end < at && ((data[end]! >= 0x30 && data[end]! <= 0x39) || data[end] === 0x2e)) end++;
      numbers.push(numberAt(data, i, end));
      i = end;
    } else if (c === 0x2f /* / */) {
      while (i < at && data[i]! > 0x20) i++;
    } else i++;
  }
  return numbers;
}

/**
 * The number written from `start` to `end`, as `Number` reads its text: digits with at most one
 * point, read as an integer over a power of ten, both exact, so the one division rounds as
 * `Number` does; anything else (more digits than a double holds exactly) is read by `Number`.
 */
function numberAt(data: Uint8Array, start: number, end: number): number {
  let i = start;
  const sign = data[i] === 0x2d ? -1 : 1;
  if (data[i] === 0x2d || data[i] === 0x2b) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = data[i]!;
    if (c === 0x2e && decimals < 0) decimals = 0;
    else if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else return Number(latin1(data, start, end));
  }
  if (digits === 0 || digits > 15) return Number(latin1(data, start, end));
  return (sign * mantissa) / POWERS_OF_TEN[decimals < 0 ? 0 : decimals]!;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** The first name among an operator's operands, without its slash (a Tf's font). */
export function nameOperand(data: Uint8Array, start: number, at: number): string | undefined {
  const slash = data.indexOf(0x2f, start);
  if (slash < 0 || slash >= at) return undefined;
  let end = slash + 1;
  while (end < at && data[end]! > 0x20 && DELIMITER[data[end]!] !== 1) end++;
  return latin1(data, slash + 1, end);
}
