// The bundled fonts as the preview server serves them: by a fixed URL prefix, never by file:// (issue 6, item 4).
import path from 'node:path';
import { readFontSlices } from '../render/font-faces.js';

/** The URL prefix the preview serves font files under. */
export const FONT_PREFIX = '/_brief/fonts/';

export interface ServedFonts {
  /** @font-face rules pointing at the served URLs. */
  css: string;
  /** URL path -> absolute WOFF2 file: the only font files the server will read. */
  files: Map<string, string>;
}

/** "/_brief/fonts/noto-serif/noto-serif-latin-400-normal.woff2" for a file in @fontsource/noto-serif/files/. */
function fontUrl(file: string): string {
  const pkg = path.basename(path.dirname(path.dirname(file)));
  return `${FONT_PREFIX}${encodeURIComponent(pkg)}/${encodeURIComponent(path.basename(file))}`;
}

export function serveFonts(): ServedFonts {
  const files = new Map<string, string>();
  const rules = readFontSlices().map((s) => {
    const url = fontUrl(s.file);
    files.set(url, s.file);
    return `@font-face{font-family:'${s.family}';font-style:${s.style};font-weight:${s.weight};font-display:block;src:url("${url}") format('woff2');unicode-range:${s.unicodeRange}}`;
  });
  return { css: rules.join('\n'), files };
}
