// The bundled labels, parsed once at build time (scripts/compile-labels.mjs): reading the nine
// bundled labels files with positions cost every build ~200 ms of the main thread before its
// print skeleton was ready (issue 21). A file is taken from the cache only where its text is the
// text the cache was made from (and a translation's only where the English it was checked
// against is the bundled English alone); anything else (a user's folder, an edited file, no
// cache under tsx) is parsed as before.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CODE_DIR } from '../package.js';
import { parseLabels, type LabelEntry } from './labels.js';

/** Where the build writes the cache, beside the modules. */
export const LABELS_CACHE_FILE = join(CODE_DIR, 'render', 'bundled-labels.json');

/** One file's entries as parsed, its path relative to the bundled folder. */
interface CachedFile {
  /** sha256 of the file's text. */
  hash: string;
  /** sha256 of the English text a translation was checked against. */
  reference?: string;
  entries: Array<[string, Omit<LabelEntry, 'file'>]>;
}

export type LabelsCache = Record<string, CachedFile>;

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let loaded: LabelsCache | null | undefined;

/** The build's cache, read once; null where there is none. */
function bundledCache(): LabelsCache | null {
  if (loaded === undefined) {
    try {
      loaded = JSON.parse(readFileSync(LABELS_CACHE_FILE, 'utf8')) as LabelsCache;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/**
 * A labels file of `folder` parsed, from the cache where `folder` is the bundled one and the file
 * is as the cache knows it. `reference` is the English a translation is checked against, and
 * `referenceHash` the hash of its text where that English is the bundled file's alone.
 */
export function parseLabelsFile(
  folder: { path: string; bundled: boolean },
  file: string,
  source: string,
  reference?: { entries: ReadonlyMap<string, LabelEntry>; hash?: string },
  cache: LabelsCache | null = bundledCache(),
): Map<string, LabelEntry> {
  const hit = folder.bundled ? cache?.[relative(folder.path, file)] : undefined;
  if (hit && hit.hash === textHash(source) && hit.reference === (reference ? reference.hash ?? 'not the bundled English' : undefined)) {
    return new Map(hit.entries.map(([key, entry]) => [key, { ...entry, file }]));
  }
  return parseLabels(source, file, reference?.entries);
}

/** The cache of the files given (paths relative to `folder`), the English file first: what the build writes. */
export function makeLabelsCache(folder: string, english: string, translations: string[]): LabelsCache {
  const englishSource = readFileSync(join(folder, english), 'utf8');
  const englishEntries = parseLabels(englishSource, join(folder, english));
  const reference = textHash(englishSource);
  const entry = (source: string, entries: Map<string, LabelEntry>, checkedAgainst?: string): CachedFile => ({
    hash: textHash(source),
    ...(checkedAgainst ? { reference: checkedAgainst } : {}),
    entries: [...entries].map(([key, { value, line, col }]) => [key, { value, line, col }]),
  });
  const cache: LabelsCache = { [english]: entry(englishSource, englishEntries) };
  for (const name of translations) {
    const source = readFileSync(join(folder, name), 'utf8');
    cache[name] = entry(source, parseLabels(source, join(folder, name), englishEntries), reference);
  }
  return cache;
}
