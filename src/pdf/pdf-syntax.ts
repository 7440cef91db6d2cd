// PDF object syntax (ISO 32000-1, 7.3), enough to read and write the dictionaries and arrays of
// the files this tool writes: values parsed from text (one character a byte) and written back.
// Strings are kept as written (their raw token), so copying one never re-encodes it.

/** A name, without its slash, as written (with any #xx escapes). */
export class PdfName {
  constructor(readonly name: string) {}
}

/** An indirect reference `N G R`. */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen = 0,
  ) {}
}

/** A string token as written: `(literal)` or `<hex>`. */
export class PdfString {
  constructor(readonly raw: string) {}
}

/** A token written out as it is: an operator-free value the parser does not model (e.g. `true`). */
export class PdfRaw {
  constructor(readonly text: string) {}
}

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfRaw | PdfValue[] | PdfDict;
export type PdfDict = Map<string, PdfValue>;

const DELIMITER = /[\s()<>[\]{}/%]/;
const NUMBER_OR_REF = /([+-]?(?:\d+\.?\d*|\.\d+))(?:\s+(\d+)\s+R(?![^\s()<>[\]{}/%]))?/y;

/** Parses the value that starts at `at` (after any white space); returns it and where it ends. */
export function parseValue(text: string, at: number): { value: PdfValue; end: number } {
  let i = skipSpace(text, at);
  const c = text[i];
  if (c === '<' && text[i + 1] === '<') {
    const dict: PdfDict = new Map();
    i += 2;
    for (;;) {
      i = skipSpace(text, i);
      if (text[i] === '>' && text[i + 1] === '>') return { value: dict, end: i + 2 };
      if (text[i] !== '/') throw new SyntaxError(`a dictionary key was expected at ${i}`);
      const key = readName(text, i);
      const parsed = parseValue(text, key.end);
      dict.set(key.name, parsed.value);
      i = parsed.end;
    }
  }
  if (c === '[') {
    const array: PdfValue[] = [];
    i++;
    for (;;) {
      i = skipSpace(text, i);
      if (text[i] === ']') return { value: array, end: i + 1 };
      const parsed = parseValue(text, i);
      array.push(parsed.value);
      i = parsed.end;
    }
  }
  if (c === '/') {
    const name = readName(text, i);
    return { value: new PdfName(name.name), end: name.end };
  }
  if (c === '(' || c === '<') {
    const end = stringEnd(text, i);
    return { value: new PdfString(text.slice(i, end)), end };
  }
  NUMBER_OR_REF.lastIndex = i;
  const number = NUMBER_OR_REF.exec(text);
  if (number) {
    const end = NUMBER_OR_REF.lastIndex;
    return { value: number[2] === undefined ? Number(number[1]) : new PdfRef(Number(number[1]), Number(number[2])), end };
  }
  let end = i;
  while (end < text.length && !DELIMITER.test(text[end]!)) end++;
  const word = text.slice(i, end);
  if (word === 'true' || word === 'false') return { value: word === 'true', end };
  if (word === 'null') return { value: null, end };
  throw new SyntaxError(`an object was expected at ${i}, found "${text.slice(i, i + 12)}"`);
}

/** Parses a whole value from text that holds just it. */
export function parseText(text: string): PdfValue {
  return parseValue(text, 0).value;
}

/** The value written as PDF syntax. */
export function writeValue(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return writeNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof PdfName) return `/${value.name}`;
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return value.raw;
  if (value instanceof PdfRaw) return value.text;
  if (Array.isArray(value)) return `[${value.map(writeValue).join(' ')}]`;
  return `<<${[...value].map(([key, v]) => `/${key} ${writeValue(v)}`).join('\n')}>>`;
}

function writeNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(5).replace(/0+$/, '').replace(/\.$/, '');
}

/** The text with every `N G R` reference outside strings mapped to another object number. */
export function mapReferences(text: string, map: (num: number) => number): string {
  if (!text.includes(' R')) return text;
  // Most objects hold no string at all: one pass over the whole text.
  if (!text.includes('(') && !HEX_STRING.test(text)) return mapSegment(text, map);
  let out = '';
  let from = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 0x28 /* ( */ || (c === 0x3c /* < */ && text.charCodeAt(i + 1) !== 0x3c)) {
      const end = stringEnd(text, i);
      out += mapSegment(text.slice(from, i), map) + text.slice(i, end);
      from = i = end;
    } else if (c === 0x3c) {
      i += 2;
    } else {
      i++;
    }
  }
  return out + mapSegment(text.slice(from), map);
}

const HEX_STRING = /(?:^|[^<])<(?!<)/;
const REFERENCE = /(^|[\s[\]<>/(){}%])(\d+)(\s+\d+\s+R)(?=$|[\s()<>[\]{}/%])/g;

function mapSegment(segment: string, map: (num: number) => number): string {
  return segment.includes('R') ? segment.replace(REFERENCE, (_, before: string, num: string, rest: string) => `${before}${map(Number(num))}${rest}`) : segment;
}

/** Where the string token at `at` (`(...)` with nesting and escapes, or `<hex>`) ends. */
export function stringEnd(text: string, at: number): number {
  if (text[at] === '<') {
    const end = text.indexOf('>', at);
    if (end < 0) throw new SyntaxError(`an unterminated hex string at ${at}`);
    return end + 1;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new SyntaxError(`an unterminated string at ${at}`);
}

function skipSpace(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00) i++;
    else if (c === 0x25 /* % */) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else return i;
  }
}

function readName(text: string, at: number): { name: string; end: number } {
  let end = at + 1;
  while (end < text.length && !DELIMITER.test(text[end]!)) end++;
  return { name: text.slice(at + 1, end), end };
}

/** A text string: literal for printable ASCII, else UTF-16BE with a byte-order mark. */
export function pdfText(value: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(value)) return new PdfString(`(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`);
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return new PdfString(`<${hex}>`);
}

/** D:YYYYMMDDHHmmSS+00'00', in UTC: the form Chromium writes. */
export function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}

/** The text a string token holds: UTF-16BE with a byte-order mark, else PDFDocEncoding read as Latin-1. */
export function decodeText(token: PdfString): string {
  const raw = token.raw;
  let bytes: string;
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    bytes = '';
    for (let i = 0; i < hex.length; i += 2) bytes += String.fromCharCode(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else {
    bytes = unescapeLiteral(raw.slice(1, -1));
  }
  if (bytes.startsWith('\xfe\xff')) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    return out;
  }
  return bytes;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

function unescapeLiteral(body: string): string {
  return body.replace(/\\([0-7]{1,3}|\r\n|[^])/g, (_, e: string) => {
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    if (e === '\n' || e === '\r' || e === '\r\n') return '';
    return ESCAPES[e] ?? e;
  });
}

/** The value under `key`, if it is of the type the guard accepts. */
export function get<T extends PdfValue>(dict: PdfDict | undefined, key: string, guard: (v: PdfValue) => v is T): T | undefined {
  const value = dict?.get(key);
  return value !== undefined && guard(value) ? value : undefined;
}

export const isRef = (v: PdfValue): v is PdfRef => v instanceof PdfRef;
export const isName = (v: PdfValue): v is PdfName => v instanceof PdfName;
export const isDict = (v: PdfValue): v is PdfDict => v instanceof Map;
export const isArray = (v: PdfValue): v is PdfValue[] => Array.isArray(v);
export const isNumber = (v: PdfValue): v is number => typeof v === 'number';
export const isString = (v: PdfValue): v is PdfString => v instanceof PdfString;
