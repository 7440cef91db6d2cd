import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandModule } from 'yargs';
import { BriefError, describeError, EXIT, LockedError } from '../errors.js';
import { abortOnSignals, type BuildArgs, checkOutFolder, toBuildOptions, withBuildOptions } from './build-command.js';
import type { GlobalArgs } from './global-args.js';
import { say } from './output.js';

const DEBOUNCE_MS = 200;
/** How often a rebuild waiting for another build's lock tries again. */
const LOCK_RETRY_MS = 500;

export const watchCommand: CommandModule<GlobalArgs, BuildArgs> = {
  command: 'watch',
  describe: 'Build, then rebuild what changed whenever a data file or template changes',
  builder: (y) =>
    withBuildOptions(y)
      .example('$0 watch', 'rebuild output/ as data/ changes')
      .example('$0 watch --format one-pager', 'keep only the fact sheets up to date'),
  handler: async (args) => {
    const options = toBuildOptions(args);
    await checkOutFolder(options);
    const [{ runBatch, sessionOptionsOf }, { BrowserSession, checkTempFolder }, { BUNDLED_TEMPLATES }, { watchFolders }] = await Promise.all([
      import('../batch/run-batch.js'),
      import('../browser/index.js'),
      import('../package.js'),
      import('../fs/watch-folders.js'),
    ]);
    await checkTempFolder();
    // The command's one browser session, kept warm between rebuilds: a rebuild pays only for what changed.
    const session = new BrowserSession({ ...sessionOptionsOf(options), keepWarm: true });
    const folders = [path.resolve(options.dataDir), path.resolve(options.templatesDir ?? BUNDLED_TEMPLATES)];
    // Ctrl-C is heard from the start, during the first build too: the browser is closed and no
    // temporary file is left (a second Ctrl-C ends the process at once).
    const interrupt = abortOnSignals();
    const stopped = new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
    // A signal closes the browser at once, which cuts a rebuild's prints short.
    interrupt.signal.addEventListener('abort', () => void session.close().catch(() => undefined), { once: true });

    // watchFolders runs one rebuild at a time, so rebuilds never overlap.
    const rebuild = async (reason: string) => {
      // Another build holding the output folder is waited for, not given up on: a change made
      // meanwhile is read when this build starts, so none is lost (issue 11).
      for (let waiting = false; !interrupt.signal.aborted; waiting = true) {
        const locked = await buildOnce(reason);
        if (!locked) return;
        if (!waiting && !args.quiet) say.info(`${reason}: ${locked.message}; waiting for it to finish`);
        await sleep(LOCK_RETRY_MS, undefined, { signal: interrupt.signal }).catch(() => undefined);
      }
    };
    /** One build; a refusal by another build's lock is handed back to be tried again. */
    const buildOnce = async (reason: string): Promise<LockedError | undefined> => {
      try {
        const result = await runBatch({ ...options, signal: interrupt.signal }, {}, session);
        if (!args.quiet) {
          const changed = result.documents.filter((d) => !d.skipped).map((d) => d.path);
          const seconds = (result.ms / 1000).toFixed(2);
          say.info(
            result.noop || changed.length === 0
              ? `${reason}: nothing to rebuild (${seconds} s)`
              : `${reason}: rebuilt ${changed.length} (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', …' : ''})${result.pack?.rebuilt ? ' and the pack' : ''} in ${seconds} s`,
          );
          for (const warning of result.warnings) say.warn(warning);
        }
      } catch (error) {
        if (interrupt.signal.aborted) return undefined;
        if (error instanceof LockedError) return error;
        // A data or template error is printed, and the watch goes on waiting for the fix.
        say.fail(error instanceof BriefError ? describeError(error) : String((error as Error)?.stack ?? error));
      }
      return undefined;
    };

    await rebuild('first build');
    const watching = interrupt.signal.aborted
      ? undefined
      : watchFolders(folders, DEBOUNCE_MS, async (changed) => {
          if (interrupt.signal.aborted) return;
          const names = changed.map((file) => path.relative(process.cwd(), file) || file);
          await rebuild(names.length === 1 ? names[0]! : `${names.length} files changed`);
        });
    if (watching) {
      await Promise.race([watching, stopped]);
      if (!args.quiet && !interrupt.signal.aborted) {
        say.info(`watching ${folders.map((f) => path.relative(process.cwd(), f) || '.').join(' and ')}; Ctrl-C stops`);
      }
    }
    await stopped;
    // close() waits for a rebuild under way, which the abort has cut short.
    await (await watching)?.close();
    await session.close();
    interrupt.dispose();
    // A signal is how a watch is meant to end: Ctrl-C, SIGTERM from a process manager (docker
    // stop, systemd, a CI step's teardown) or SIGHUP as its terminal closes. Each stops it as
    // cleanly as the others (browser closed, lock released), so each is a success.
    process.exitCode = EXIT.ok;
  },
};
