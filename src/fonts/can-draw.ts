// Whether the bundled fonts can draw a character (issue 11): a character none of them has would be
// printed as an empty box, so it is reported instead. The table is src/fonts/drawable-ranges.ts.
import { DRAWABLE_RANGES } from './drawable-ranges.js';

/**
 * Characters that are never drawn, so need no glyph: controls (Cc), format characters (Cf: soft
 * hyphen, zero-width joiners, bidi marks), line and paragraph separators, variation selectors.
 */
const NEVER_DRAWN = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u;

const BMP = 0x10000;
const DRAWABLE = 1;
const UNDRAWABLE = 2;

// Built on first use: per code point of the Basic Multilingual Plane, whether it is drawable
// (one array read for nearly every character); above it, the ranges searched in halves.
let bmp: Uint8Array | undefined;
let astral: number[] = [];

function readTable(): Uint8Array {
  const table = new Uint8Array(BMP);
  const ranges: number[] = [];
  for (const range of DRAWABLE_RANGES.trim().split(/\s+/)) {
    const dash = range.indexOf('-');
    const low = parseInt(dash < 0 ? range : range.slice(0, dash), 16);
    const high = dash < 0 ? low : parseInt(range.slice(dash + 1), 16);
    if (high >= BMP) ranges.push(Math.max(low, BMP), high);
    if (low < BMP) table.fill(DRAWABLE, low, Math.min(high, BMP - 1) + 1);
  }
  astral = ranges;
  return table;
}

function inAstralRanges(cp: number): boolean {
  let lo = 0;
  let hi = astral.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < astral[mid * 2]!) hi = mid - 1;
    else if (cp > astral[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether some bundled font draws `cp`, or it is a character that is never drawn. */
export function canDraw(cp: number): boolean {
  bmp ??= readTable();
  if (cp < BMP) {
    const known = bmp[cp];
    if (known === DRAWABLE) return true;
    if (known === UNDRAWABLE) return false;
    const drawable = NEVER_DRAWN.test(String.fromCharCode(cp));
    bmp[cp] = drawable ? DRAWABLE : UNDRAWABLE;
    return drawable;
  }
  return inAstralRanges(cp) || NEVER_DRAWN.test(String.fromCodePoint(cp));
}

/**
 * Adds to `found` each character of `text[from, to)` that no bundled font draws. A lone surrogate
 * counts as itself, U+D800 to U+DFFF, which no font draws.
 */
export function collectUndrawable(text: string, found: Set<number>, from = 0, to = text.length): void {
  for (let i = from; i < to; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) continue; // ASCII: printable or a control, never a problem.
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (!canDraw(cp)) found.add(cp);
  }
}

/** The characters of `text` no bundled font draws, each once, in the order they first appear. */
export function findUndrawable(text: string): number[] {
  const found = new Set<number>();
  collectUndrawable(text, found);
  return [...found];
}

/** `U+0627 "ا"`: the code point, and the character itself unless it is half of a surrogate pair. */
export function describeCharacter(cp: number): string {
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp >= 0xd800 && cp <= 0xdfff ? code : `${code} "${String.fromCodePoint(cp)}"`;
}
