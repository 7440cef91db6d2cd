// A source's text, read as untrusted data is read (issue 20): only a regular file, inside the data
// folder where the data names it, no longer than SOURCE_TEXT_MAX_BYTES, within a time limit.
import { readConfinedFile, type ConfinedReadProblem } from '../fs/read-confined-file.js';
import { displayPath } from '../fs/display-path.js';
import { reasonOf } from './describe-listing-problem.js';

/** The longest source text read: a long report's text is well under 1 MB; 200 MB took 41 s and 4 GB. */
export const SOURCE_TEXT_MAX_BYTES = 5 * 1024 * 1024;

/** The most all the source texts of one check may hold together, in characters. */
export const SOURCE_TEXTS_MAX_TOTAL = 50 * 1024 * 1024;

/** How long reading one text may take before it is given up. */
const READ_TIMEOUT_MS = 10_000;

const MAX_MB = SOURCE_TEXT_MAX_BYTES / 1024 / 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

export interface SourceTextPlace {
  /** The data folder: a text the data names is read only from inside it; none for `--source FILE`. */
  dataFolder?: string;
  /** Paths in messages are shown from here. */
  cwd?: string;
}

/** The text, or why it was not read, worded to follow "cannot read the source's text FILE: ". */
export async function readSourceText(absolute: string, place: SourceTextPlace = {}): Promise<string | { reason: string }> {
  const read = await readConfinedFile(absolute, {
    ...(place.dataFolder === undefined ? {} : { root: place.dataFolder }),
    maxBytes: SOURCE_TEXT_MAX_BYTES,
    timeoutMs: READ_TIMEOUT_MS,
  });
  if ('problem' in read) return { reason: describeProblem(read.problem, place) };
  try {
    return decoder.decode(read.bytes);
  } catch {
    return { reason: 'it is not UTF-8 text' };
  }
}

function describeProblem(problem: ConfinedReadProblem, place: SourceTextPlace): string {
  switch (problem.kind) {
    case 'unreadable':
      return reasonOf(problem.code);
    case 'outside': {
      const folder = displayPath(place.dataFolder!, place.cwd);
      return `it lies outside the data folder ${folder}; a source's text is read only from inside it (put the file in ${folder}/ and name it from there)`;
    }
    case 'folder':
      return 'it is a folder; expected a text file';
    case 'special':
      return 'it is not a regular file (a pipe, socket or device); expected a text file';
    case 'too-large':
      return `it is larger than ${MAX_MB} MB${problem.bytes > SOURCE_TEXT_MAX_BYTES + 1 ? ` (${(problem.bytes / 1024 / 1024).toFixed(1)} MB)` : ''}; a source's text may hold at most ${MAX_MB} MB (keep the passages the claims quote)`;
    case 'timeout':
      return `reading it took longer than ${READ_TIMEOUT_MS / 1000} s`;
  }
}
