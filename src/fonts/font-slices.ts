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

/** The faces the stylesheets use: serif text, sans headings and tables, Noto Sans SC for Chinese. */
export const FACES = [
  ['noto-serif', ['400', '400-italic', '700', '700-italic']],
  ['noto-sans', ['400', '400-italic', '600', '700', '700-italic']],
  ['noto-sans-sc', ['400', '700']],
] as const;

/** The bundled families, in the order every font stack ends with them (issue 11). */
export const BUNDLED_FAMILIES = ['Noto Serif', 'Noto Sans', 'Noto Sans SC'] as const;

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
