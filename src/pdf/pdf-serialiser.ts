// Values written as PDF syntax in the layout Chromium (Skia) writes, so that an object read,
// edited and written again differs from what Chromium wrote only where it was edited (issue 17):
// `<</Key value\n/Key2 value>>` at every depth, `[a b c]`, `N G R`, integers plainly, reals as
// JavaScript writes them up to five decimals.
import { PdfInlineDict, PdfName, PdfRef, PdfString, type PdfValue } from './pdf-objects.js';

/** The value written as PDF syntax; with `renumber`, each reference written with the number it gives (generation 0). */
export function writeValue(value: PdfValue, renumber?: (num: number) => number): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return writeNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof PdfName) return `/${value.name}`;
  if (value instanceof PdfRef) return renumber ? `${renumber(value.num)} 0 R` : `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return value.raw;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += i === 0 ? writeValue(value[i]!, renumber) : ` ${writeValue(value[i]!, renumber)}`;
    return `${out}]`;
  }
  const separator = value instanceof PdfInlineDict ? ' ' : '\n';
  let out = '<<';
  let first = true;
  for (const [key, entry] of value) {
    out += `${first ? '' : separator}/${key} ${writeValue(entry, renumber)}`;
    first = false;
  }
  return `${out}>>`;
}

/**
 * A number as PDF syntax has it (7.3.3): an integer plainly; a real as JavaScript writes it, but
 * rounded to five decimals where it has more, the precision ISO 32000-1 (table C.1) gives reals
 * and what the tool has always written (Chromium writes some link and destination coordinates
 * with six, and the documents carry them rounded); never with an exponent.
 */
export function writeNumber(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? `${n}` : BigInt(n).toString();
  const text = String(n);
  const point = text.indexOf('.');
  if (!text.includes('e') && (point < 0 || text.length - point - 1 <= MAX_DECIMALS)) return text;
  return trimFraction(n.toFixed(MAX_DECIMALS));
}

const MAX_DECIMALS = 5;

function trimFraction(fixed: string): string {
  let end = fixed.length;
  while (fixed[end - 1] === '0') end--;
  if (fixed[end - 1] === '.') end--;
  const text = fixed.slice(0, end);
  return text === '-0' ? '0' : text;
}
