import { UsageError } from '../errors.js';

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org): the date to write into every document, in whole
 * seconds since 1970. Read here, at the edge, and passed in; a malformed value stops the command.
 */
export function readSourceDateEpoch(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH wants whole seconds since 1970, like 1692835200; got "${value}"`);
  return Number(value);
}
