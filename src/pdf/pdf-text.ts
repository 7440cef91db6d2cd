// Text in PDF values (ISO 32000-1, 7.3.4, 7.3.5 and 7.9.2): text strings written from JavaScript
// text and read back out of string tokens, names decoded, and dates in the form Chromium writes.
import { PdfName, PdfString } from './pdf-objects.js';

/** A text string: literal for printable ASCII, else UTF-16BE with a byte-order mark. */
export function pdfText(value: string): PdfString {
  let printable = true;
  for (let i = 0; i < value.length && printable; i++) printable = value.charCodeAt(i) >= 0x20 && value.charCodeAt(i) <= 0x7e;
  if (printable) {
    let literal = '(';
    for (const c of value) literal += c === '\\' || c === '(' || c === ')' ? `\\${c}` : c;
    return new PdfString(`${literal})`);
  }
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return new PdfString(`<${hex}>`);
}

/** D:YYYYMMDDHHmmSS+00'00', in UTC: the form Chromium writes. */
export function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}

/** The bytes a string token holds, one character each: `<hex>` or `(literal)` with its escapes read. */
export function stringBytes(token: PdfString): string {
  return token.raw.startsWith('<') ? hexBytes(token.raw) : literalBytes(token.raw);
}

/** The text a string token holds: UTF-16BE with a byte-order mark, else PDFDocEncoding read as Latin-1. */
export function decodeText(token: PdfString): string {
  const bytes = stringBytes(token);
  if (bytes.charCodeAt(0) !== 0xfe || bytes.charCodeAt(1) !== 0xff) return bytes;
  let out = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  return out;
}

/** The bytes of `<hex>`, white space skipped, an odd last digit read as followed by 0 (7.3.4.3). */
function hexBytes(raw: string): string {
  let out = '';
  let high = -1;
  for (let i = 1; i < raw.length - 1; i++) {
    const digit = hexDigit(raw.charCodeAt(i));
    if (digit < 0) continue;
    if (high < 0) high = digit;
    else {
      out += String.fromCharCode(high * 16 + digit);
      high = -1;
    }
  }
  return high < 0 ? out : out + String.fromCharCode(high * 16);
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** The bytes of `(literal)`: escapes read, a backslash before an end of line dropped with it (7.3.4.2). */
function literalBytes(raw: string): string {
  let out = '';
  const end = raw.length - 1;
  for (let i = 1; i < end; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = raw[++i];
    if (e === undefined || i >= end) break;
    if (e >= '0' && e <= '7') {
      let code = 0;
      let digits = 0;
      for (; digits < 3 && i < end && raw[i]! >= '0' && raw[i]! <= '7'; digits++, i++) code = code * 8 + (raw.charCodeAt(i) - 0x30);
      i--;
      out += String.fromCharCode(code & 0xff);
    } else if (e === '\r') {
      if (raw[i + 1] === '\n') i++;
    } else if (e !== '\n') {
      out += ESCAPES[e] ?? e;
    }
  }
  return out;
}

/** A name's text, its #xx escapes read (7.3.5). */
export function decodeName(name: PdfName | string): string {
  const raw = typeof name === 'string' ? name : name.name;
  if (!raw.includes('#')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const high = raw[i] === '#' ? hexDigit(raw.charCodeAt(i + 1)) : -1;
    const low = high < 0 ? -1 : hexDigit(raw.charCodeAt(i + 2));
    if (low < 0) out += raw[i];
    else {
      out += String.fromCharCode(high * 16 + low);
      i += 2;
    }
  }
  return out;
}

/** A name for any text: characters other than letters, digits, `.`, `+` and `-` written #xx (`application#2Fjson`). */
export function nameOf(text: string): PdfName {
  let name = '';
  for (const c of text) {
    const plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '.' || c === '+' || c === '-';
    name += plain ? c : `#${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return new PdfName(name);
}
