import { MAX_SOURCE_DATE_EPOCH } from '../contracts/run-defaults.js';
import { UsageError } from '../errors.js';

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org): the date to write into every document, in whole
 * seconds since 1970. Read here, at the edge, and passed in; a malformed value stops the command,
 * and so does one past the year 9999, which had printed as the year 1000 or failed each print (issue 20).
 */
export function readSourceDateEpoch(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(seconds <= MAX_SOURCE_DATE_EPOCH)) {
    throw new UsageError(`SOURCE_DATE_EPOCH wants whole seconds since 1970, from 0 to ${MAX_SOURCE_DATE_EPOCH} (9999-12-31T23:59:59Z), like 1692835200; got "${value}"`);
  }
  return seconds;
}
