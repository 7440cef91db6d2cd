// The defaults of a run's settings, set here once (issue 17): the batch and the preview apply them
// as a run starts (`withRunDefaults`), the CLI shows them in its help and in `brief config`, and
// nothing downstream falls back to a default of its own.
import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.js';
import { DEFAULT_PAPER, type Paper } from './paper.js';

export const RUN_DEFAULTS = {
  paper: DEFAULT_PAPER,
  /** How long any one document, or any wait on the browser, may take, in ms (`--timeout`). */
  timeoutMs: 30_000,
} as const;

/** The longest a timer can wait, in ms: Node turns a longer delay into 1 ms (a TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2_147_483_647;

/** The last second a PDF date's four-digit year can hold, 9999-12-31T23:59:59Z, as SOURCE_DATE_EPOCH. */
export const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/** Pages rendering at once when none is asked for: one per core. */
export function defaultConcurrency(): number {
  return availableParallelism();
}

/** The settings every run has once its defaults are applied. */
export interface RunSettings {
  paper: Paper;
  timeoutMs: number;
  concurrency: number;
}

/** The options with each setting left out given its default. */
export function withRunDefaults<T extends { paper?: Paper; timeoutMs?: number; concurrency?: number; sourceDateEpoch?: number }>(options: T): T & RunSettings {
  // A library caller's values meet the limits the CLI's flags do (issue 20): nothing is clamped downstream.
  const { timeoutMs, sourceDateEpoch } = options;
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs >= 1 && timeoutMs <= MAX_TIMER_MS)) {
    throw new UsageError(`timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}; got ${timeoutMs}`);
  }
  if (sourceDateEpoch !== undefined && !(Number.isInteger(sourceDateEpoch) && sourceDateEpoch >= 0 && sourceDateEpoch <= MAX_SOURCE_DATE_EPOCH)) {
    throw new UsageError(`sourceDateEpoch must be whole seconds from 0 to ${MAX_SOURCE_DATE_EPOCH}; got ${sourceDateEpoch}`);
  }
  return {
    ...options,
    paper: options.paper ?? RUN_DEFAULTS.paper,
    timeoutMs: options.timeoutMs ?? RUN_DEFAULTS.timeoutMs,
    concurrency: Math.max(1, options.concurrency ?? defaultConcurrency()),
  };
}
