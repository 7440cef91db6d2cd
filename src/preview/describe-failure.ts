// A data or template error as the overlay shows it: one line per problem, each with its place.
import path from 'node:path';
import { BriefError, DataError } from '../errors.js';
import { displayPath } from '../fs/display-path.js';

/** One problem: where (`file:line:col`, when known) and what. */
export interface FailureLine {
  where?: string;
  message: string;
}

export interface PreviewFailure {
  title: string;
  lines: FailureLine[];
}

const PLACE = /^(\S+):(\d+):(\d+)\s+(.*)$/s;

/** A template's absolute path shown relative to the working folder, as data files are. */
const shortPlace = (file: string, line: string, col: string, cwd: string | undefined) => `${path.isAbsolute(file) ? displayPath(file, cwd) : file}:${line}:${col}`;

/** The failure as the overlay lists it; absolute paths shown from `cwd`. */
export function describeFailure(error: unknown, cwd?: string): PreviewFailure {
  if (error instanceof DataError) {
    return {
      title: `${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in the data`,
      lines: error.problems.map((p) => ({
        where: `${p.file}:${p.line}:${p.col}`,
        message: p.path ? `${p.path}: ${p.message}` : p.message,
      })),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((line) => {
    const placed = PLACE.exec(line);
    return placed ? { where: shortPlace(placed[1]!, placed[2]!, placed[3]!, cwd), message: placed[4]! } : { message: line };
  });
  const title = error instanceof BriefError ? (error.name === 'TemplateError' ? 'A template failed' : 'The preview cannot render') : 'Unexpected failure';
  return { title, lines };
}

/** Several failures (data and templates) as one. */
export function joinFailures(failures: PreviewFailure[]): PreviewFailure | undefined {
  if (failures.length === 0) return undefined;
  if (failures.length === 1) return failures[0];
  return { title: failures.map((f) => f.title).join('; '), lines: failures.flatMap((f) => f.lines) };
}
