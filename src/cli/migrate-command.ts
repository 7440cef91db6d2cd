import type { CommandModule } from 'yargs';
import { EXIT, formatProblem } from '../errors.js';
import type { GlobalArgs } from './global-args.js';
import { counted, say } from './output.js';

interface MigrateArgs extends GlobalArgs {
  'dry-run': boolean;
}


export const migrateCommand: CommandModule<GlobalArgs, MigrateArgs> = {
  command: 'migrate',
  describe: 'Rewrite a data folder written for the first data model in place, keeping comments and order',
  builder: (y) =>
    y
      .option('dry-run', { type: 'boolean', default: false, describe: 'Print what would change; write nothing' })
      .example('$0 migrate --data my-briefs/data', 'rewrite the folder to the current data model')
      .example('$0 migrate --dry-run', 'print each change to data/ without writing it'),
  handler: async (args) => {
    const { planMigration, writeMigration } = await import('../facts/migrate/migrate-folder.js');
    const plan = await planMigration(args.data, process.cwd());
    if (plan.refusals.length > 0) {
      for (const refusal of plan.refusals) say.error(formatProblem(refusal));
      say.error(`${counted(plan.refusals.length, 'problem')} found; no file was changed`);
      process.exitCode = EXIT.data;
      return;
    }
    if (plan.changes.length === 0) {
      say.info(`nothing to migrate: ${counted(plan.files, 'file')} already follow the current data model`);
      return;
    }
    for (const change of plan.changes) say.info(formatProblem(change));
    const counts = `${counted(plan.changes.length, 'change')} in ${counted(plan.rewrites.length, 'file')}`;
    if (args['dry-run']) {
      say.info(`would make ${counts} (dry run: no file was changed)`);
      return;
    }
    await writeMigration(plan);
    say.info(`migrated: ${counts}`);
  },
};
