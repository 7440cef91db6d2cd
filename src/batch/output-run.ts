// What a build and an assembly share from start to end (issue 17): the output folder opened and
// locked, warnings collected and reported as they come, the session's printer reached only while
// the run is not interrupted, and on every way out (success, failure, signal) the browser let go,
// the work the run started in the background waited for, and the output folder closed.
import { performance } from 'node:perf_hooks';
import type { BrowserSession, Printer } from '../browser/index.js';
import type { Skeleton } from '../contracts/document.js';
import { InterruptedError } from '../errors.js';
import { openOutput, type OpenOutput, type OutputFolderOptions } from './open-output.js';
import type { BatchEvents, RunStages } from './result.js';

/** A run in its output folder. */
export interface OutputRun {
  output: OpenOutput;
  /** When the run started (performance.now()). */
  started: number;
  warnings: string[];
  warn(text: string): void;
  /** Throws once the run is interrupted: nothing is started or written after that. */
  throwIfAborted(): void;
  /** The session's printer for the skeleton; refused once the run is interrupted. */
  printer(skeleton: Skeleton): Promise<Printer>;
  /** Browsers launched (or connected to) by this run so far. */
  browsersStarted(): number;
  /** Tells the session nothing is left to print: its browser may close while the run finishes. */
  idle(): Promise<void>;
  /** Called as the run ends, before the browser is let go: background work stops starting more. */
  onEnd(stop: () => void): void;
  /** Background work the run started, waited for before the output folder closes. */
  waitFor(work: Promise<unknown>): void;
  /** Notes that the run has reached a stage (the first time only); `stages` holds when, from `started`. */
  reached(stage: keyof RunStages): void;
  stages: RunStages;
}

/** Runs `body` in the output folder of `options`, on `session`. */
export async function withOutputRun<T>(
  options: OutputFolderOptions & { signal?: AbortSignal },
  events: BatchEvents,
  session: BrowserSession,
  body: (run: OutputRun) => Promise<T>,
  started = performance.now(),
): Promise<T> {
  const { signal } = options;
  const output = await openOutput(options);
  const warnings: string[] = [];
  const ends: (() => void)[] = [];
  const background: Promise<unknown>[] = [];
  const launchesBefore = session.launches;
  const run: OutputRun = {
    output,
    started,
    warnings,
    warn(text) {
      warnings.push(text);
      events.onWarning?.(text);
    },
    throwIfAborted: () => throwIfAborted(signal),
    printer(skeleton) {
      // After an interrupt no document may start a browser again: the run is closing.
      throwIfAborted(signal);
      return session.printer(skeleton);
    },
    browsersStarted: () => session.launches - launchesBefore,
    idle: () => session.idle(),
    onEnd: (stop) => void ends.push(stop),
    waitFor: (work) => void background.push(work.catch(() => undefined)),
    stages: {},
    reached(stage) {
      run.stages[stage] ??= Math.round(performance.now() - started);
    },
  };
  try {
    return await body(run);
  } catch (error) {
    if (signal?.aborted && !(error instanceof InterruptedError)) throw interrupted(signal);
    throw error;
  } finally {
    for (const stop of ends) stop();
    // Let go first: that cuts short a launch or warm-up still under way (a run that failed early).
    const idled = session.idle().catch(() => undefined);
    await Promise.all(background);
    await idled;
    const unreleased = await output.close();
    if (unreleased) run.warn(unreleased);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interrupted(signal);
}

export function interrupted(signal: AbortSignal): InterruptedError {
  return new InterruptedError(typeof signal.reason === 'string' ? signal.reason : 'an abort');
}
