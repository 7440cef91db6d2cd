// `--json` prints one summary for every outcome (issue 20): a failed build, check or assemble, a
// refused option, an interrupt too, with `ok: false`, its exit code and each failure's document
// or place and reason. Printed on stdout beside the error line on stderr, never instead of it.
import { failedRunOf } from '../batch/describe-failures.js';
import { BriefError, DataError, EXIT, type Problem } from '../errors.js';
import { summarizeDocuments } from './build-progress.js';

/** One failure: a document and why, or a place in a file and what is wrong there. */
export interface JsonFailure {
  document?: string;
  path?: string;
  file?: string;
  line?: number;
  col?: number;
  reason: string;
}

/** A problem in a file, as --json lists it: `reason` is its message. */
export function problemFailure(problem: Problem): JsonFailure & { message: string } {
  return { file: problem.file, line: problem.line, col: problem.col, path: problem.path, reason: problem.message, message: problem.message };
}

let wanted = false;

/** The command asked for JSON (its --json was read). */
export function setJsonWanted(value: boolean): void {
  wanted = value;
}

/** True when the command asked for JSON: its parsed --json, or before parsing got that far, the words given. */
export function jsonWanted(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (wanted) return true;
  const words = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : undefined);
  const flag = words.filter((w) => w === '--json' || w.startsWith('--json=') || w === '--no-json').pop();
  if (flag !== undefined) return flag === '--json' || /^--json=(true|1)$/.test(flag);
  return env.BRIEF_JSON === 'true' || env.BRIEF_JSON === '1';
}

/** The summary of a command that failed with `error`, exiting with `exitCode`. */
export function failureSummary(error: unknown, exitCode: number) {
  const message = error instanceof Error ? error.message : String(error);
  const run = failedRunOf(error);
  let failures: JsonFailure[];
  if (error instanceof DataError) failures = error.problems.map(problemFailure);
  else if (run) failures = run.failures;
  else failures = [{ reason: message }];
  return {
    ok: false,
    exitCode,
    error: message,
    failures,
    ...(run ? { documents: summarizeDocuments(run.documents) } : {}),
  };
}

/** The exit code `error` ends the command with. */
export function exitCodeOf(error: unknown): number {
  return error instanceof BriefError ? error.exitCode : EXIT.internal;
}
