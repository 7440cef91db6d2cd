// `brief check --source FILE`: every excerpt and quote must stand verbatim in the source text.
import type { Problem } from '../errors.js';
import { matchPath } from './references.js';
import { formatPath, locate, type YamlFile } from './yaml-document.js';

/**
 * Characters that draw nothing: soft hyphen, zero-width space, ZWNJ, ZWJ, word joiner, a BOM
 * inside text, bidi marks, variation selectors (issue 20). A text copied from a web page or PDF
 * holds them where the excerpt typed from it does not, or the other way round.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Text compared with invisible characters left out and quotes, dashes and whitespace made uniform (issue 2). */
export function normaliseForMatch(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    // Japanese and Chinese forms of the same marks (issue 23): wave dashes (～ is ~ after NFKC) and corner brackets.
    .replace(/[\u301c\u3030\u2053]/g, '~')
    .replace(/[\u300c\u300d\u300e\u300f\u301d\u301e\u301f]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const VERBATIM_FIELDS = [
  { pattern: 'claims.*.excerpt', what: 'excerpt' },
  { pattern: 'quotes.*.words', what: 'quoted words' },
] as const;

/** A problem for each excerpt or quote that the source text does not contain. */
export function findMissingExcerpts(files: YamlFile[], sourceText: string, sourceName: string): Problem[] {
  const haystack = normaliseForMatch(sourceText);
  const problems: Problem[] = [];
  for (const yaml of files) {
    for (const { pattern, what } of VERBATIM_FIELDS) {
      for (const { path, value } of matchPath(yaml.data, pattern)) {
        if (typeof value !== 'string' || haystack.includes(normaliseForMatch(value))) continue;
        const { line, col } = locate(yaml, path);
        const shown = value.length > 70 ? `${value.slice(0, 67)}...` : value;
        problems.push({ file: yaml.file, line, col, path: formatPath(path), message: `${what} not found in ${sourceName}: "${shown}"` });
      }
    }
  }
  return problems;
}
