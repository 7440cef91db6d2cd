// The command line: flags in, a call to the core, messages and exit codes out.
import yargs, { type Argv } from 'yargs';
import { BriefError, describeError, EXIT } from '../errors.js';
import { TOOL } from '../version.js';
import { checkCommand } from './check-command.js';
import type { GlobalArgs } from './global-args.js';
import { listCommand } from './list-command.js';
import { say } from './output.js';
import { schemaCommand } from './schema-command.js';

/** Run the CLI on argv (without `node` and the script); sets process.exitCode. */
export async function main(argv: string[]): Promise<void> {
  const cli = (yargs(argv) as unknown as Argv<GlobalArgs>)
    .scriptName('brief')
    .usage('$0 <command> [options]\n\nTurn sourced facts into PDF briefs and one-page fact sheets.')
    .option('data', { type: 'string', default: 'data', describe: 'The data folder', global: true })
    .option('out', { type: 'string', default: 'output', describe: 'The output folder', global: true })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only errors', global: true })
    .middleware((args) => say.setQuiet(Boolean(args.quiet)))
    .command(checkCommand)
    .command(listCommand)
    .command(schemaCommand)
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
  try {
    await cli.parseAsync();
  } catch (error) {
    if (error instanceof UsageErrorFromYargs) {
      say.fail(`${error.message}\nRun "brief --help" for usage.`);
      process.exitCode = EXIT.usage;
    } else if (error instanceof BriefError) {
      say.fail(describeError(error));
      process.exitCode = error.exitCode;
    } else {
      // Not a problem with the user's input: a bug, so keep its stack.
      say.fail(`unexpected failure; please report it.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = EXIT.render;
    }
  }
}

class UsageErrorFromYargs extends Error {}
