// The bundled faces (issue 3, item 6), read from the @fontsource packages' CSS: each face comes in
// slices by unicode-range, so that Chromium loads only the slices a page uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

/**
 * The faces the stylesheets use (issue 13, item 5): serif text and sans headings (Latin, Greek,
 * Cyrillic and Devanagari), Arabic and Hebrew, and one family for each CJK writing tradition.
 */
export const FACES = [
  ['noto-serif', ['400', '400-italic', '700', '700-italic']],
  ['noto-sans', ['400', '400-italic', '600', '700', '700-italic']],
  ['noto-sans-arabic', ['400', '700']],
  ['noto-sans-hebrew', ['400', '700']],
  ['noto-sans-sc', ['400', '700']],
  ['noto-sans-tc', ['400', '700']],
  ['noto-sans-jp', ['400', '700']],
  ['noto-sans-kr', ['400', '700']],
] as const;

/** The bundled families, in the order every font stack ends with them (issue 11). */
export const BUNDLED_FAMILIES = [
  'Noto Serif',
  'Noto Sans',
  'Noto Sans Arabic',
  'Noto Sans Hebrew',
  'Noto Sans SC',
  'Noto Sans TC',
  'Noto Sans JP',
  'Noto Sans KR',
] as const;

/** A CSS font stack: `first`, then every other bundled family in order, then `generic`. */
export function fontStack(first: string, generic = 'sans-serif'): string {
  return [first, ...BUNDLED_FAMILIES.filter((f) => f !== first)].map((f) => `'${f}'`).concat(generic).join(', ');
}

/** The CJK family a language tag is set in (issue 23): Japanese, Korean, and Chinese by its written form. */
export function cjkFamilyFor(lang: string): string | undefined {
  const tag = lang.toLowerCase();
  if (/^zh-(?:.*-)?(?:hant|tw|hk|mo)\b/.test(tag)) return 'Noto Sans TC';
  if (/^zh\b/.test(tag)) return 'Noto Sans SC';
  if (/^ja\b/.test(tag)) return 'Noto Sans JP';
  if (/^ko\b/.test(tag)) return 'Noto Sans KR';
  return undefined;
}

/** `fontStack(first)` with the CJK family of `lang` before the other CJK families, as the stylesheets order them for that language. */
export function fontStackFor(first: string, lang: string, generic = 'sans-serif'): string {
  const own = cjkFamilyFor(lang);
  if (!own) return fontStack(first, generic);
  const rest = BUNDLED_FAMILIES.filter((f) => f !== first && f !== own);
  const firstCjk = rest.findIndex((f) => CJK_FAMILIES.has(f));
  const ordered = [first, ...rest.slice(0, firstCjk), own, ...rest.slice(firstCjk)];
  return ordered.map((f) => `'${f}'`).concat(generic).join(', ');
}

/** The families of Chinese, Japanese and Korean text: their slices are megabytes, loaded only for those scripts. */
export const CJK_FAMILIES: ReadonlySet<string> = new Set(['Noto Sans SC', 'Noto Sans TC', 'Noto Sans JP', 'Noto Sans KR']);

// The script families also ship Latin, Greek, Cyrillic and Vietnamese slices; the text faces cover
// those, so only the slices of their own script are kept: a Latin page then never loads them.
const OWN_SCRIPT_SLICE: Record<string, RegExp> = {
  'noto-sans-arabic': /^noto-sans-arabic-arabic-/,
  'noto-sans-hebrew': /^noto-sans-hebrew-hebrew-/,
  'noto-sans-sc': /^noto-sans-sc-\d+-/,
  'noto-sans-tc': /^noto-sans-tc-\d+-/,
  'noto-sans-jp': /^noto-sans-jp-\d+-/,
  'noto-sans-kr': /^noto-sans-kr-\d+-/,
};

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
        if (!family || !url || !range || OWN_SCRIPT_SLICE[pkg]?.test(url) === false) continue;
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
