// Every excerpt and quote checked against the text of its own source (issue 13): a source names
// its text with `text:`, a path relative to the file that declares it; `--source FILE` stands in
// for the sources that name none.
import path from 'node:path';
import type { Problem } from '../errors.js';
import { displayPath } from '../fs/display-path.js';
import { normaliseForMatch } from './check-excerpts.js';
import { describeNearest } from './nearest-passage.js';
import { explainNearMatch } from './near-match.js';
import { readSourceText, SOURCE_TEXTS_MAX_TOTAL } from './read-source-text.js';
import { matchPath } from './references.js';
import { formatPath, locate, type DataPath, type YamlFile } from './yaml-document.js';

/** How many excerpts and quotes were found in one source's text. */
export interface SourceTally {
  source: string;
  /** The text's path as messages show it. */
  text: string;
  excerpts: number;
  quotes: number;
}

export interface SourceVerification {
  /** Excerpts and quotes not found, and texts that cannot be read. */
  problems: Problem[];
  /** Per source, in the order the sources are declared. */
  verified: SourceTally[];
  /** Excerpts and quotes whose source has no text (nor a --source text to stand in). */
  unverified: { excerpts: number; quotes: number; sources: string[] };
}

export interface VerifyOptions {
  /** The data folder: a source's text is read only from inside it (issue 20). */
  dataFolder: string;
  /** Paths in messages are shown from here. */
  cwd?: string;
  /** The `--source FILE` text, for excerpts whose source names no text of its own. */
  fallback?: { text: string; file: string };
}

interface Haystack {
  text: string;
  shown: string;
  tally: SourceTally;
}

const VERBATIM = [
  { pattern: 'claims.*', field: 'excerpt', what: 'excerpt', count: 'excerpts' },
  { pattern: 'quotes.*', field: 'words', what: 'quoted words', count: 'quotes' },
] as const;

/** Read each source's text and look for each excerpt and quote in the text of its own source. */
export async function verifySources(files: YamlFile[], options: VerifyOptions): Promise<SourceVerification> {
  const result: SourceVerification = { problems: [], verified: [], unverified: { excerpts: 0, quotes: 0, sources: [] } };
  const problemAt = (yaml: YamlFile, at: DataPath, message: string) =>
    result.problems.push({ file: yaml.file, ...locate(yaml, at), path: formatPath(at), message });
  const texts = new Map<string, Haystack | null>();
  const cache = new Map<string, Promise<string | { reason: string }>>();
  // Each text is capped, and so are all of them together: a thousand texts of 5 MB are not read either.
  let total = 0;
  const withinTotal = (read: string | { reason: string }) => {
    if (typeof read !== 'string') return read;
    total += read.length;
    return total <= SOURCE_TEXTS_MAX_TOTAL ? read : { reason: `with it the source texts come to more than ${SOURCE_TEXTS_MAX_TOTAL / 1024 / 1024} MB, the most one check reads` };
  };
  for (const yaml of files) {
    for (const { path: at, value } of matchPath(yaml.data, 'sources.*')) {
      const source = value as { id: string; text?: string };
      if (source.text === undefined) continue;
      const absolute = path.resolve(path.dirname(yaml.absolute ?? path.resolve(yaml.file)), source.text);
      const shown = displayPath(absolute, options.cwd);
      if (!cache.has(absolute)) cache.set(absolute, readSourceText(absolute, { dataFolder: options.dataFolder, ...(options.cwd === undefined ? {} : { cwd: options.cwd }) }).then(withinTotal));
      const read = await cache.get(absolute)!;
      if (typeof read !== 'string') {
        problemAt(yaml, [...at, 'text'], `cannot read the source's text ${shown}: ${read.reason}`);
        texts.set(source.id, null);
        continue;
      }
      const tally = { source: source.id, text: shown, excerpts: 0, quotes: 0 };
      result.verified.push(tally);
      texts.set(source.id, { text: normaliseForMatch(isMarkdown(absolute) ? stripMarkdown(read) : read), shown: `the text of ${source.id} (${shown})`, tally });
    }
  }
  const fallbackFor = new Map<string, Haystack>();
  const fallback = options.fallback && normaliseForMatch(options.fallback.text);
  const haystackOf = (sourceId: string | undefined): Haystack | null | undefined => {
    const own = sourceId === undefined ? undefined : texts.get(sourceId);
    if (own !== undefined || fallback === undefined || !options.fallback) return own;
    const key = sourceId ?? '(no source)';
    if (!fallbackFor.has(key)) {
      const tally = { source: key, text: options.fallback.file, excerpts: 0, quotes: 0 };
      result.verified.push(tally);
      fallbackFor.set(key, { text: fallback, shown: options.fallback.file, tally });
    }
    return fallbackFor.get(key);
  };
  for (const yaml of files) {
    for (const { pattern, field, what, count } of VERBATIM) {
      for (const { path: at, value } of matchPath(yaml.data, pattern)) {
        const record = value as { source?: string } & Record<string, unknown>;
        const words = record[field];
        if (typeof words !== 'string') continue;
        const haystack = haystackOf(record.source);
        // A text that could not be read is reported once, at the source.
        if (haystack === null) continue;
        if (haystack === undefined) {
          result.unverified[count]++;
          const name = record.source ?? '(claims without a source)';
          if (!result.unverified.sources.includes(name)) result.unverified.sources.push(name);
          continue;
        }
        if (haystack.text.includes(normaliseForMatch(words))) {
          haystack.tally[count]++;
          continue;
        }
        const shown = showInvisible(words.length > 70 ? `${words.slice(0, 67)}...` : words);
        const needle = normaliseForMatch(words);
        const hint = explainNearMatch(haystack.text, needle) ?? describeNearest(haystack.text, needle);
        problemAt(yaml, [...at, field], `${what} not found in ${haystack.shown}: "${shown}"${hint ? `; ${hint}` : ''}`);
      }
    }
  }
  return result;
}

/** An excerpt as a message shows it: a character that draws nothing is named, so that it can be seen. */
const showInvisible = (text: string) =>
  text.replace(/\p{Default_Ignorable_Code_Point}/gu, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);

const isMarkdown = (file: string) => /\.(md|markdown)$/i.test(file);

/** Markdown's markup, which an excerpt copied from the article as read does not hold. */
function stripMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^ {0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}
