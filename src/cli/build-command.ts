import path from 'node:path';
import type { CommandModule } from 'yargs';
import type { BatchOptions } from '../batch/options.js';
import { describeConflict, findOutFolderConflict } from '../batch/out-folder.js';
import { parseShard } from '../batch/shard.js';
import { SIGNAL_EXIT, UsageError, type StopSignal } from '../errors.js';
import { displayPath } from '../fs/display-path.js';
import { BUNDLED_TEMPLATES } from '../package.js';
import { chooseProgress, createProgress, reportBuild } from './build-progress.js';
import { say } from './output.js';
import type { GlobalArgs } from './global-args.js';
import { describeSetting } from './setting-origin.js';
import { readSourceDateEpoch } from './source-date-epoch.js';
import { wholeNumberOption } from './whole-numbers.js';

/** Flags `brief build` and `brief watch` share. */
export interface BuildArgs extends GlobalArgs {
  programme?: string[];
  topic?: string[];
  force: boolean;
  zip: boolean;
  shard?: string;
  audience?: string[];
  timeout?: number;
  json: boolean;
  strict?: boolean;
  since?: string;
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
    .option('shard', { type: 'string', describe: 'Build only part K of N of the plan, e.g. 2/4, and its shard manifest, for brief assemble' })
    .option('audience', { type: 'string', array: true, describe: "Build only this audience's documents and pack (repeatable; audiences: in the config)" })
    .option('timeout', wholeNumberOption('timeout', 'Fail a document that takes longer than this, in ms'))
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON summary' })
    .option('strict', { type: 'boolean', default: false, describe: 'Fail the build on a make-up fault the proof finds on a printed page (clipped text, a stranded heading...)' })
    .option('since', { type: 'string', describe: 'An earlier output folder or pack: each document says what changed since it, and the edition counts up from it' });
}

/** The build options the flags ask for. */
export function toBuildOptions(args: BuildArgs): BatchOptions {
  if (typeof args.out !== 'string' || args.out.trim() === '') {
    throw new UsageError(`${describeSetting('out', args.out, 'output').name} is empty: it wants the output folder, e.g. --out output`);
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
    strict: Boolean(args.strict),
    shard: args.shard ? parseShard(args.shard) : undefined,
    audiences: args.audiences,
    forAudiences: args.audience,
    concurrency: args.concurrency,
    browserPath: args.browser,
    // BRIEF_BROWSER_WS_ENDPOINT reaches here through yargs' .env('BRIEF') in main.ts.
    wsEndpoint: args['browser-ws-endpoint'] || undefined,
    timeoutMs: args.timeout,
    allowRemote: args['allow-remote'],
    sourceDateEpoch: readSourceDateEpoch(process.env),
    cwd: process.cwd(),
    env: process.env,
    ...(args.since !== undefined ? { since: args.since } : {}),
  };
}

/**
 * Refuses an output folder that is, lies inside or holds the data folder or the templates folder in
 * use, the bundled one included (by real paths): the outputs would mix with the inputs. Named as
 * the user gave it: flag, variable or config.
 */
export async function checkOutFolder(options: BatchOptions): Promise<void> {
  const templatesDir = path.resolve(options.templatesDir ?? BUNDLED_TEMPLATES);
  const inputs = { dataDir: path.resolve(options.dataDir), templatesDir, templatesBundled: !options.templatesDir };
  const conflict = await findOutFolderConflict(path.resolve(options.outDir), inputs);
  if (conflict) {
    const shown = (file: string) => displayPath(file, options.cwd);
    const out = describeSetting('out', shown(path.resolve(options.outDir)), shown(path.resolve('output'))).withValue;
    throw new UsageError(`${out} ${describeConflict(conflict, shown)}: the outputs would mix with the inputs; choose another output folder`);
  }
}

const STOP_SIGNALS = Object.keys(SIGNAL_EXIT) as StopSignal[];

/**
 * Aborts on SIGINT, SIGTERM or SIGHUP: the build closes the browser, removes its temporary files,
 * releases the lock and rejects with InterruptedError (exit 128 + the signal's number). A second
 * signal ends the process at once, its exit handlers still killing the browser and removing the
 * run's temporary folder.
 */
export function abortOnSignals(onFirst?: (signal: NodeJS.Signals) => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(SIGNAL_EXIT[name as StopSignal] ?? 1);
    onFirst?.(name);
    controller.abort(name);
  };
  for (const name of STOP_SIGNALS) process.on(name, onSignal);
  // Node ignores SIGXFSZ, so a write past a file-size limit fails with EFBIG (an OutputError);
  // but signal-exit (through proper-lockfile) re-raises a signal nobody else listens to, which
  // killed the build instead. A listener of our own keeps the failure a one-line error.
  process.on('SIGXFSZ', ignoreSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of STOP_SIGNALS) process.off(name, onSignal);
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
      .example('$0 build --programme my-programme --format one-pager', 'one fact sheet')
      .example('$0 build --shard 2/4 --out out-2', 'the second quarter of the plan, for a CI matrix (then brief assemble)')
      .example('$0 build --audience board', "only the board's documents and pack (audiences: in the config)")
      .example('$0 build --since output-may --out output-june', 'the second edition, saying what changed since the first')
      .example('$0 build --browser-ws-endpoint ws://127.0.0.1:9222/devtools/browser/…', 'on a running browser'),
  handler: async (args) => {
    const options = toBuildOptions(args);
    await checkOutFolder(options);
    const mode = chooseProgress(args);
    const [{ runBatch }, progress] = await Promise.all([import('../batch/run-batch.js'), createProgress(mode)]);
    const interrupt = abortOnSignals((name) => say.status(`stopping on ${name}: closing the browser and removing temporary files (a second signal stops at once)`));
    try {
      // The command's one browser session, made and closed inside: a signal closes it at once.
      const result = await runBatch({ ...options, signal: interrupt.signal }, progress);
      progress.stop();
      reportBuild(mode, result);
    } finally {
      progress.stop();
      interrupt.dispose();
    }
  },
};
