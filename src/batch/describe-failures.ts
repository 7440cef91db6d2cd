import type { DocumentSpec } from '../contracts/document.js';
import { BriefError, EXIT } from '../errors.js';

/** One error for the run: the only one as it is, or every document's failure on its own line. */
export function describeFailures(failures: { spec: DocumentSpec; error: unknown }[]): BriefError {
  const named = failures.map(({ spec, error }) => {
    const message = error instanceof Error ? error.message : String(error);
    return message.includes(spec.subject.id) ? message : `${spec.outputPath}: ${message}`;
  });
  const first = failures[0]!.error;
  if (failures.length === 1 && first instanceof BriefError) return first;
  const exitCode = first instanceof BriefError ? first.exitCode : EXIT.render;
  const shown = named.slice(0, 10).join('\n');
  const more = named.length > 10 ? `\n... and ${named.length - 10} more` : '';
  return new BriefError(`${failures.length} document${failures.length === 1 ? '' : 's'} failed:\n${shown}${more}`, { exitCode, cause: first });
}
