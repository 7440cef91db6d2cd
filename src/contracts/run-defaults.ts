// The defaults of a run's settings, set here once (issue 17): the batch and the preview apply them
// as a run starts (`withRunDefaults`), the CLI shows them in its help and in `brief config`, and
// nothing downstream falls back to a default of its own.
import { availableParallelism } from 'node:os';
import { DEFAULT_PAPER, type Paper } from './paper.js';

export const RUN_DEFAULTS = {
  paper: DEFAULT_PAPER,
  /** How long any one document, or any wait on the browser, may take, in ms (`--timeout`). */
  timeoutMs: 30_000,
} as const;

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
export function withRunDefaults<T extends { paper?: Paper; timeoutMs?: number; concurrency?: number }>(options: T): T & RunSettings {
  return {
    ...options,
    paper: options.paper ?? RUN_DEFAULTS.paper,
    timeoutMs: options.timeoutMs ?? RUN_DEFAULTS.timeoutMs,
    concurrency: Math.max(1, options.concurrency ?? defaultConcurrency()),
  };
}
