// The command line: flags in, a call to the core, messages and exit codes out.
import yargs, { type Argv, type CommandModule, type Options } from 'yargs';
import { FORMATS } from '../contracts/layouts.js';
import { PAPERS } from '../contracts/paper.js';
import { RUN_DEFAULTS } from '../contracts/run-defaults.js';
import { BriefError, describeError, EXIT } from '../errors.js';
import { TOOL } from '../package.js';
import { assembleCommand } from './assemble-command.js';
import { attachDashValues } from './attach-dash-values.js';
import { buildCommand } from './build-command.js';
import { checkCommand } from './check-command.js';
import { configCommand } from './config-command.js';
import { diffCommand } from './diff-command.js';
import type { GlobalArgs } from './global-args.js';
import { initCommand } from './init-command.js';
import { listCommand } from './list-command.js';
import { migrateCommand } from './migrate-command.js';
import { readOptionTable } from './option-table.js';
import { say } from './output.js';
import { previewCommand } from './preview-command.js';
import { schemaCommand } from './schema-command.js';
import { templatesCommand } from './templates-command.js';
import { watchCommand } from './watch-command.js';

/** Run the CLI on argv (without `node` and the script); sets process.exitCode. */
export async function main(argv: string[]): Promise<void> {
  // `brief list | head` closes the pipe early: that is not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await run(argv);
  } catch (error) {
    report(error);
  }
}

async function run(argv: string[]): Promise<void> {
  const config = await readConfig(argv);
  const commands = [
    checkCommand,
    buildCommand,
    assembleCommand,
    watchCommand,
    listCommand,
    schemaCommand,
    configCommand(config, argv),
    initCommand,
    previewCommand,
    templatesCommand,
    migrateCommand,
    diffCommand,
  ] as CommandModule<GlobalArgs, never>[];
  // `--shard -1/2`: a value starting with "-" reaches its option (issue 11).
  const args = attachDashValues(argv, () => readOptionTable({ ...GLOBAL_OPTIONS, ...SETTING_OPTIONS }, commands));
  const cli = (yargs(args) as unknown as Argv<GlobalArgs>)
    .scriptName('brief')
    .usage('$0 <command> [options]\n\nTurn sourced facts into PDF briefs and one-page fact sheets.')
    .options(GLOBAL_OPTIONS)
    .options(SETTING_OPTIONS)
    // Precedence per key: flag, then BRIEF_* environment variable, then config file, then default.
    .env('BRIEF')
    .config(config?.settings ?? {})
    .middleware((parsed) => say.setQuiet(Boolean(parsed.quiet)))
    // Audiences come from the config file alone, with their places in it: not a flag, not a variable.
    .middleware((parsed) => {
      if (config?.audiences) parsed.audiences = config.audiences;
    })
    .command(commands)
    .demandCommand(1, 'Name a command: check, list, build, ...')
    .strict()
    .recommendCommands()
    .completion('completion', 'Print a shell completion script')
    .version(TOOL.version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((message, error) => {
      throw error ?? new UsageErrorFromYargs(message);
    });
  skipHelpCache(cli, args);
  await cli.parseAsync();
}

/**
 * yargs lays out a command's whole help text every time the command runs, in case its handler
 * shows help later (yargs PR #1865); measuring string widths for it was ~47 ms of a ~250 ms
 * no-op build. No handler here shows help, and failures print their own message (.fail above),
 * so unless help is asked for, the text is not made. The Angular CLI does the same (PR #34087).
 */
function skipHelpCache(cli: Argv, argv: string[]): void {
  if (argv.some((a) => a === '--help' || a === '-h' || a === 'help')) return;
  const internals = (cli as unknown as { getInternalMethods?(): { getUsageInstance?(): { cacheHelpMessage?(): void } } }).getInternalMethods?.();
  const usage = internals?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/** The config named by --config, else the nearest brief.config.* (none with --no-config). */
async function readConfig(argv: string[]) {
  if (argv.includes('--no-config')) return undefined;
  const index = argv.findIndex((a) => a === '--config' || a.startsWith('--config='));
  const named = index < 0 ? process.env.BRIEF_CONFIG : argv[index]?.includes('=') ? argv[index]?.slice('--config='.length) : argv[index + 1];
  const { findConfig } = await import('../config/find-config.js');
  const file = named ?? findConfig(process.cwd());
  if (!file) return undefined;
  const { loadConfig } = await import('../config/load-config.js');
  return loadConfig(file, process.cwd());
}

function report(error: unknown): void {
  if (error instanceof UsageErrorFromYargs) {
    say.fail(`${error.message}\nRun "brief --help" for usage.`);
    process.exitCode = EXIT.usage;
  } else if (error instanceof BriefError) {
    say.fail(describeError(error));
    process.exitCode = error.exitCode;
  } else {
    // Not a problem with the user's input: a bug, so keep its stack.
    say.fail(`unexpected failure; please report it.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = EXIT.internal;
  }
}

class UsageErrorFromYargs extends Error {}

/** Options of every command that no config file gives. */
const GLOBAL_OPTIONS = {
  data: { type: 'string', default: 'data', describe: 'The data folder', global: true },
  out: { type: 'string', default: 'output', describe: 'The output folder', global: true },
  templates: { type: 'string', describe: 'A templates folder whose files override the bundled ones', global: true },
  config: { type: 'string', describe: 'The config file (default: brief.config.* from here up)', global: true },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print only errors', global: true },
} as const satisfies Record<string, Options>;

/** The settings a config file may give, as global flags, so that every command sees them. */
const SETTING_OPTIONS = {
  // No default here: the run applies RUN_DEFAULTS once (contracts/run-defaults.ts).
  paper: { choices: PAPERS, describe: `Paper size (default: ${RUN_DEFAULTS.paper})`, global: true },
  distribution: { type: 'string', describe: "Distribution marking on every page (default: the data's)", global: true },
  author: { type: 'string', describe: "Author or office (default: the data's)", global: true },
  format: { type: 'array', choices: FORMATS, describe: 'Formats to build (repeatable; default: all)', global: true },
  concurrency: { type: 'number', describe: 'Pages rendering at once (default: the number of cores)', global: true },
  browser: { type: 'string', describe: 'The browser executable (default: found on this machine)', global: true },
  'browser-ws-endpoint': {
    type: 'string',
    describe: 'Render on a running browser at this DevTools WebSocket URL (env BRIEF_BROWSER_WS_ENDPOINT)',
    global: true,
  },
  'allow-remote': { type: 'boolean', default: false, describe: 'Let documents load http(s) images', global: true },
} as const satisfies Record<string, Options>;
