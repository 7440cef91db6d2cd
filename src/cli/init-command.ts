import path from 'node:path';
import type { CommandModule } from 'yargs';
import { DEFAULT_EXAMPLE, EXAMPLES, type ExampleName } from '../authoring/examples.js';
import type { GlobalArgs } from './global-args.js';
import { say } from './output.js';

interface InitArgs extends GlobalArgs {
  dir: string;
  force: boolean;
  example: string;
}

export const initCommand: CommandModule<GlobalArgs, InitArgs> = {
  command: 'init <dir>',
  describe: 'Start a briefing project: example data and source, templates to edit, a config and a README',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'The folder to create (it must be empty)' })
      .option('force', { type: 'boolean', default: false, describe: 'Write into a folder that already holds files' })
      // Checked by initProject, not by yargs' choices, so that a wrong name is one line naming the others.
      .option('example', {
        type: 'string',
        default: DEFAULT_EXAMPLE as string,
        describe: `The example to start from: ${Object.entries(EXAMPLES).map(([name, what]) => `${name} (${what})`).join('; ')}`,
      })
      .example('$0 init my-briefs', 'then: cd my-briefs && brief check && brief build')
      .example('$0 init my-briefs --example korean-fellowships', 'start from the example with two sources and Korean names'),
  handler: async (args) => {
    const { initProject } = await import('../authoring/init-project.js');
    const result = await initProject(args.dir, { force: args.force, example: args.example as ExampleName });
    const shown = path.relative(process.cwd(), result.dir) || '.';
    say.info(`created ${shown}: ${result.files.length} files (data/, sources/, templates/, schema/, brief.config.yaml, README.md)`);
    say.info('next:');
    say.info(`  cd ${shown}`);
    say.info('  brief check        # the data, and each excerpt against its source\'s text');
    say.info('  brief preview      # live preview in the browser');
    say.info('  brief build        # PDFs into output/');
  },
};
