import type { DocumentSpec } from '../contracts/document.js';
import { BriefError, EXIT } from '../errors.js';
import type { DocumentOutcome } from './result.js';

/** One document that failed, as a summary names it: its key, its output path, and why. */
export interface DocumentFailure {
  document: string;
  path: string;
  reason: string;
}

/** What a run that failed documents had done: each failure, and the documents it made (issue 20: `--json` reports them). */
export interface FailedRun {
  failures: DocumentFailure[];
  documents: DocumentOutcome[];
}

// Kept beside the error, not in it: a single failure is thrown as the document's own error (a FitError stays a FitError).
const runs = new WeakMap<object, FailedRun>();

/** The failures and finished documents of the run that threw `error`, where it was a run's failed documents. */
export function failedRunOf(error: unknown): FailedRun | undefined {
  return typeof error === 'object' && error !== null ? runs.get(error) : undefined;
}

/** One error for the run: the only one as it is, or every document's failure on its own line. */
export function describeFailures(failures: { spec: DocumentSpec; error: unknown }[], done: readonly (DocumentOutcome | undefined)[] = []): BriefError {
  const reasons = failures.map(({ error }) => (error instanceof Error ? error.message : String(error)));
  const named = failures.map(({ spec }, i) => (reasons[i]!.includes(spec.subject.id) ? reasons[i]! : `${spec.outputPath}: ${reasons[i]}`));
  const first = failures[0]!.error;
  const error = failures.length === 1 && first instanceof BriefError ? first : describeMany(failures.length, named, first);
  runs.set(error, {
    failures: failures.map(({ spec }, i) => ({ document: spec.key, path: spec.outputPath, reason: reasons[i]! })),
    documents: done.filter((d): d is DocumentOutcome => d !== undefined),
  });
  return error;
}

function describeMany(count: number, named: string[], first: unknown): BriefError {
  const exitCode = first instanceof BriefError ? first.exitCode : EXIT.render;
  const shown = named.slice(0, 10).join('\n');
  const more = named.length > 10 ? `\n... and ${named.length - 10} more` : '';
  return new BriefError(`${count} document${count === 1 ? '' : 's'} failed:\n${shown}${more}`, { exitCode, cause: first });
}
