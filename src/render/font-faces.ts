// The @font-face rules of the bundled fonts (issue 3, item 6): by file:// URL for the printer,
// or inlined, only the slices a document uses, for the self-contained HTML.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CJK_FAMILIES, cjkFamilyFor, readFontSlices, type FontSlice } from '../fonts/font-slices.js';

export { readFontSlices, type FontSlice } from '../fonts/font-slices.js';

function rangesCover(ranges: [number, number][], cp: number): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

// Which slices hold a character, found once per character per process: a build's documents share
// most of their characters, and scanning every slice's ranges for each of them adds up.
const slicesByCodePoint = new Map<number, FontSlice[]>();
function slicesHolding(cp: number): FontSlice[] {
  let found = slicesByCodePoint.get(cp);
  if (!found) {
    found = readFontSlices().filter((s) => rangesCover(s.ranges, cp));
    slicesByCodePoint.set(cp, found);
  }
  return found;
}

// Each slice's inlined rule is built once per process, as bytes: every self-contained HTML file
// embeds the same few, and they are joined as bytes, never as one megabytes-long string.
const inlineRules = new Map<FontSlice, Buffer>();
function inlineRule(slice: FontSlice): Buffer {
  let rule = inlineRules.get(slice);
  if (!rule) {
    rule = Buffer.from(faceRule(slice, `data:font/woff2;base64,${readFileSync(slice.file).toString('base64')}`), 'latin1');
    inlineRules.set(slice, rule);
  }
  return rule;
}

/** The distinct characters of `text`, as code points. */
function codePointsOf(text: string): Set<number> {
  const set = new Set<number>();
  const ascii = new Uint8Array(128);
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 128) {
      ascii[cp] = 1; // Most of the text: marked in a table, not hashed into the set.
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    set.add(cp);
  }
  for (let cp = 0; cp < 128; cp++) if (ascii[cp]) set.add(cp);
  return set;
}

function faceRule(slice: FontSlice, src: string): string {
  return `@font-face{font-family:'${slice.family}';font-style:${slice.style};font-weight:${slice.weight};font-display:block;src:url(${src}) format('woff2');unicode-range:${slice.unicodeRange}}`;
}

/** The CJK family a language tag is set in, as the stylesheets' :lang() rules choose it. */
export function cjkFamilyOf(lang: string): string | undefined {
  return cjkFamilyFor(lang);
}

/** The CJK families the text's `lang` attributes call for, in the order the stacks end with them. */
function cjkFamiliesIn(text: string): string[] {
  const wanted = new Set<string>();
  for (const match of text.matchAll(/\blang="([^"]+)"/g)) {
    const family = cjkFamilyOf(match[1]!);
    if (family) wanted.add(family);
  }
  return [...CJK_FAMILIES].filter((family) => wanted.has(family));
}

/**
 * The slices `text` uses: for each character, the text faces' slices holding it; where none does,
 * the slices of the CJK families its `lang` attributes name, else of the first CJK family that
 * holds it (the stacks' order). A page whose text is all Latin needs no CJK slice.
 */
function slicesFor(text: string): FontSlice[] {
  const used = new Set<FontSlice>();
  const named = cjkFamiliesIn(text);
  for (const cp of codePointsOf(text)) {
    const holding = slicesHolding(cp);
    const textFaces = holding.filter((s) => !CJK_FAMILIES.has(s.family));
    if (textFaces.length > 0) {
      for (const slice of textFaces) used.add(slice);
      continue;
    }
    const inNamed = holding.filter((s) => named.includes(s.family));
    const fallback = holding.filter((s) => s.family === holding[0]?.family);
    for (const slice of inNamed.length > 0 ? inNamed : fallback) used.add(slice);
  }
  // In the bundled order, so the same characters always give the same bytes.
  return readFontSlices().filter((s) => used.has(s));
}

const NEWLINE = Buffer.from('\n');

/** The @font-face rules embedding, as data: URLs, only the slices `text` uses (the self-contained HTML). */
export function inlineFontCss(text: string): Buffer {
  return Buffer.concat(slicesFor(text).flatMap((slice, i) => (i === 0 ? [inlineRule(slice)] : [NEWLINE, inlineRule(slice)])));
}

/**
 * The @font-face rules: `file` points at the WOFF2 files by file:// URL (for the printer);
 * `inline` embeds as data: URLs only the slices `text` uses (for the self-contained HTML).
 */
export function fontFaceCss(assets: 'file' | 'inline', text = ''): string {
  if (assets === 'file') return readFontSlices().map((s) => faceRule(s, `"${pathToFileURL(s.file).href}"`)).join('\n');
  return inlineFontCss(text).toString('latin1');
}
