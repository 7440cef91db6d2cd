import type { CommandModule } from 'yargs';
import type { BuildOptions } from '../build/options.js';
import { parseShard } from '../build/shard.js';
import { UsageError } from '../errors.js';
import { chooseProgress, createProgress, reportBuild } from './build-progress.js';
import type { GlobalArgs } from './global-args.js';

/** Flags `brief build` and `brief watch` share. */
export interface BuildArgs extends GlobalArgs {
  programme?: string[];
  topic?: string[];
  force: boolean;
  zip: boolean;
  shard?: string;
  timeout?: number;
  json: boolean;
}

/**
 * Adds the flags of a build to a command (shared with `brief watch`). The settings a config file
 * may also give (templates, format, paper, distribution, author, concurrency, browser,
 * browser-ws-endpoint, allow-remote) are global flags declared in main.ts.
 */
export function withBuildOptions<T>(y: import('yargs').Argv<T>) {
  return y
    .option('programme', { type: 'string', array: true, describe: 'Build only this programme (repeatable)' })
    .option('topic', { type: 'string', array: true, describe: 'Build only this topic (repeatable)' })
    .option('force', { type: 'boolean', default: false, describe: 'Render every document, changed or not' })
    .option('zip', { type: 'boolean', default: false, describe: 'Also write briefing-pack.zip of the outputs and manifest' })
    .option('shard', { type: 'string', describe: 'Build only part K of N of the plan, e.g. 2/4' })
    .option('timeout', { type: 'number', describe: 'Fail a document that takes longer than this, in ms' })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON summary' });
}

/** The build options the flags ask for. */
export function toBuildOptions(args: BuildArgs): BuildOptions {
  if (args.concurrency !== undefined && !(Number.isInteger(args.concurrency) && args.concurrency >= 1)) {
    throw new UsageError(`--concurrency wants a whole number of at least 1; got ${args.concurrency}`);
  }
  if (args.timeout !== undefined && !(args.timeout > 0)) {
    throw new UsageError(`--timeout wants a number of milliseconds above 0; got ${args.timeout}`);
  }
  return {
    dataDir: args.data,
    outDir: args.out,
    templatesDir: args.templates,
    programmes: args.programme,
    topics: args.topic,
    formats: args.format,
    paper: args.paper,
    distribution: args.distribution,
    author: args.author,
    force: args.force,
    zip: args.zip,
    shard: args.shard ? parseShard(args.shard) : undefined,
    concurrency: args.concurrency,
    browserPath: args.browser,
    // BRIEF_BROWSER_WS_ENDPOINT reaches here through yargs' .env('BRIEF') in main.ts.
    wsEndpoint: args['browser-ws-endpoint'] || undefined,
    timeoutMs: args.timeout,
    allowRemote: args['allow-remote'],
  };
}

/**
 * Aborts on SIGINT or SIGTERM: the build closes the browser, removes its temporary files and
 * rejects with InterruptedError (exit 130). A second signal ends the process at once.
 */
export function abortOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Node ignores SIGXFSZ, so a write past a file-size limit fails with EFBIG (an OutputError);
  // but signal-exit (through proper-lockfile) re-raises a signal nobody else listens to, which
  // killed the build instead. A listener of our own keeps the failure a one-line error.
  process.on('SIGXFSZ', ignoreSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGXFSZ', ignoreSignal);
    },
  };
}

function ignoreSignal(): void {}

export const buildCommand: CommandModule<GlobalArgs, BuildArgs> = {
  command: 'build',
  describe: 'Render every brief and one-pager, the pack and the manifest; only what changed',
  builder: (y) =>
    withBuildOptions(y)
      .example('$0 build', 'everything in data/ into output/')
      .example('$0 build --programme qiming --format one-pager', 'one fact sheet')
      .example('$0 build --shard 2/4 --out out-2', 'the second quarter of the plan, for a CI matrix')
      .example('$0 build --browser-ws-endpoint ws://127.0.0.1:9222/devtools/browser/…', 'on a running browser'),
  handler: async (args) => {
    const options = toBuildOptions(args);
    const mode = chooseProgress(args);
    const { build } = await import('../build/build.js');
    const progress = await createProgress(mode);
    const interrupt = abortOnSignals();
    try {
      const result = await build({ ...options, signal: interrupt.signal }, progress);
      progress.stop();
      reportBuild(mode, result);
    } finally {
      progress.stop();
      interrupt.dispose();
    }
  },
};
