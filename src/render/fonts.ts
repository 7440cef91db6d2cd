// The bundled fonts (issue 3, item 6): @font-face rules from the @fontsource packages, sliced by
// unicode-range so Chromium loads only the slices a page uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One @font-face slice. */
export interface FontSlice {
  family: string;
  style: 'normal' | 'italic';
  weight: number;
  /** Absolute path of the WOFF2 file. */
  file: string;
  /** The CSS unicode-range value, e.g. "U+0000-00FF,U+0131". */
  unicodeRange: string;
  ranges: [number, number][];
}

/** The faces the stylesheets use: serif text, sans headings and tables, Noto Sans SC for Chinese. */
const FACES = [
  ['noto-serif', ['400', '400-italic', '700', '700-italic']],
  ['noto-sans', ['400', '400-italic', '600', '700', '700-italic']],
  ['noto-sans-sc', ['400', '700']],
] as const;

// Noto Sans SC also ships Latin and Cyrillic slices; the text faces cover those, so only its CJK slices are kept.
const SKIP_SC_SLICES = /noto-sans-sc-(latin|latin-ext|cyrillic|vietnamese)-/;

function parseRanges(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const low = parseInt(lo ?? '0', 16);
    return [low, hi ? parseInt(hi, 16) : low];
  });
}

function packageDir(name: string): string {
  return dirname(createRequire(import.meta.url).resolve(`@fontsource/${name}/package.json`));
}

let slices: FontSlice[] | undefined;

/** Every slice of the bundled faces, read once per process from the fontsource CSS. */
export function readFontSlices(): FontSlice[] {
  if (slices) return slices;
  const found: FontSlice[] = [];
  for (const [pkg, files] of FACES) {
    const dir = packageDir(pkg);
    for (const name of files) {
      const css = readFileSync(join(dir, `${name}.css`), 'utf8');
      for (const block of css.split('@font-face').slice(1)) {
        const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
        const url = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
        const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
        if (!family || !url || !range || (pkg === 'noto-sans-sc' && SKIP_SC_SLICES.test(url))) continue;
        found.push({
          family,
          style: /font-style:\s*italic/.test(block) ? 'italic' : 'normal',
          weight: Number(/font-weight:\s*(\d+)/.exec(block)?.[1] ?? 400),
          file: join(dir, 'files', url),
          unicodeRange: range.trim(),
          ranges: parseRanges(range),
        });
      }
    }
  }
  slices = found;
  return found;
}

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

/** The slices `text` uses. Noto Sans SC comes last in every font stack: it needs only what the text faces lack. */
function slicesFor(text: string): FontSlice[] {
  const used = new Set<FontSlice>();
  for (const cp of codePointsOf(text)) {
    const holding = slicesHolding(cp);
    const textFaces = holding.filter((s) => s.family !== 'Noto Sans SC');
    for (const slice of textFaces.length > 0 ? textFaces : holding) used.add(slice);
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
 * The @font-face rules: `file` points at the WOFF2 files by file:// URL (for the print engine);
 * `inline` embeds as data: URLs only the slices `text` uses (for the self-contained HTML).
 */
export function fontFaceCss(assets: 'file' | 'inline', text = ''): string {
  if (assets === 'file') return readFontSlices().map((s) => faceRule(s, `"${pathToFileURL(s.file).href}"`)).join('\n');
  return inlineFontCss(text).toString('latin1');
}
