// One error base class and one table of exit codes; only src/cli turns them into output.

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** The data or a template has a problem. */
  data: 1,
  /** The command line was wrong. */
  usage: 2,
  /** No browser, or rendering failed. */
  render: 3,
  /** The output folder could not be written, or is locked by another build. */
  output: 4,
  /** A bug in the tool, not a problem with its input (EX_SOFTWARE). */
  internal: 70,
  /** Interrupted by SIGHUP (128 + 1): the terminal went away. */
  hangup: 129,
  /** Interrupted by SIGINT (128 + 2): Ctrl-C. */
  interrupted: 130,
  /** Interrupted by SIGTERM (128 + 15): asked to stop. */
  terminated: 143,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem at a place in a file: what `brief check` prints, one line each. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** The data path, e.g. `programmes[0].name.en`. */
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}  ${p.path || '(file)'}  ${p.message}`;
}

/** The base of every error the tool expects; anything else is a bug and keeps its stack. */
export class BriefError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, options: { exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? EXIT.data;
  }
}

/** The data has problems; each names its file, line and column. */
export class DataError extends BriefError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const first = problems[0];
    super(
      problems.length === 1 && first
        ? formatProblem(first)
        : `${problems.length} problems in the data:\n${problems.map(formatProblem).join('\n')}`,
      { exitCode: EXIT.data },
    );
    this.problems = problems;
  }
}

/** A template failed to compile or to render. */
export class TemplateError extends BriefError {
  constructor(message: string, cause?: unknown) {
    super(message, { exitCode: EXIT.data, cause });
  }
}

/** The command line asked for something that cannot be. */
export class UsageError extends BriefError {
  constructor(message: string) {
    super(message, { exitCode: EXIT.usage });
  }
}

/** No browser, or the browser failed to render a document. */
export class RenderError extends BriefError {
  constructor(message: string, cause?: unknown) {
    super(message, { exitCode: EXIT.render, cause });
  }
}

/** The browser could not be launched or reached: nothing of the run can print, so the run stops. */
export class BrowserStartError extends RenderError {}

/** A document does not fit the pages it must fit on. */
export class FitError extends BriefError {
  constructor(message: string) {
    super(message, { exitCode: EXIT.data });
  }
}

/** A printed page has a make-up fault the proof found, and the build was asked to be strict (issue 18). */
export class ProofError extends BriefError {
  constructor(message: string) {
    super(message, { exitCode: EXIT.data });
  }
}

/** An edition to compare cannot be read (issue 22): a path that is not there is the command line's fault, a file of the wrong shape the data's. */
export class EditionError extends BriefError {
  constructor(message: string, exitCode: typeof EXIT.data | typeof EXIT.usage = EXIT.data, cause?: unknown) {
    super(message, { exitCode, cause });
  }
}

/** The output folder cannot be written or is in use. */
export class OutputError extends BriefError {
  constructor(message: string, cause?: unknown) {
    super(message, { exitCode: EXIT.output, cause });
  }
}

/** Another build holds the output folder's lock. */
export class LockedError extends OutputError {
  constructor(readonly outDir: string, readonly pid: number | undefined) {
    super(`another build is writing to ${outDir} (pid ${pid ?? 'unknown'})`);
  }
}

/** The signals a build stops cleanly on, and their exit codes: 128 + the signal's number, as shells report. */
export const SIGNAL_EXIT = { SIGHUP: EXIT.hangup, SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

/** The run was interrupted by a signal (or an abort); exits 128 + the signal's number. */
export class InterruptedError extends BriefError {
  constructor(signal: string) {
    super(`interrupted by ${signal}; earlier outputs are left whole`, {
      exitCode: SIGNAL_EXIT[signal as StopSignal] ?? EXIT.interrupted,
    });
  }
}

/** "message (via CauseName: cause message)" for every cause in the chain, as Eleventy prints them. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let text = error.message;
  let cause: unknown = error.cause;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
    if (!text.includes(cause.message)) text += `\n  (via ${cause.name}: ${cause.message})`;
    cause = cause.cause;
  }
  return text;
}
