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

/** True where any character of `codePoints` falls in the slice's ranges. */
export function sliceCovers(slice: FontSlice, codePoints: Iterable<number>): boolean {
  for (const cp of codePoints) if (rangesCover(slice.ranges, cp)) return true;
  return false;
}

function rangesCover(ranges: [number, number][], cp: number): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

// Each slice's inlined rule is built once per process: every self-contained HTML file embeds the same few.
const inlineRules = new Map<FontSlice, string>();
function inlineRule(slice: FontSlice): string {
  let rule = inlineRules.get(slice);
  if (!rule) {
    rule = faceRule(slice, `data:font/woff2;base64,${readFileSync(slice.file).toString('base64')}`);
    inlineRules.set(slice, rule);
  }
  return rule;
}

export function codePointsOf(text: string): Set<number> {
  const set = new Set<number>();
  for (const ch of text) set.add(ch.codePointAt(0)!);
  return set;
}

function faceRule(slice: FontSlice, src: string): string {
  return `@font-face{font-family:'${slice.family}';font-style:${slice.style};font-weight:${slice.weight};font-display:block;src:url(${src}) format('woff2');unicode-range:${slice.unicodeRange}}`;
}

/**
 * The @font-face rules: `file` points at the WOFF2 files by file:// URL (for the print engine);
 * `inline` embeds as data: URLs only the slices `text` uses (for the self-contained HTML).
 */
export function fontFaceCss(assets: 'file' | 'inline', text = ''): string {
  const all = readFontSlices();
  if (assets === 'file') return all.map((s) => faceRule(s, `"${pathToFileURL(s.file).href}"`)).join('\n');
  const used = codePointsOf(text);
  // Noto Sans SC comes last in every font stack: it needs only what the text faces lack.
  const textFaces = all.filter((s) => s.family !== 'Noto Sans SC');
  const lacking = [...used].filter((cp) => !textFaces.some((s) => rangesCover(s.ranges, cp)));
  return all
    .filter((s) => sliceCovers(s, s.family === 'Noto Sans SC' ? lacking : used))
    .map(inlineRule)
    .join('\n');
}
