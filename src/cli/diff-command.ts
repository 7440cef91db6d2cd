// `brief diff OLD NEW` (issue 22): what changed between two editions, one line per change by
// stable id, or the same as JSON. Exit 0 whether or not anything changed.
import type { CommandModule } from 'yargs';
import type { GlobalArgs } from './global-args.js';
import { say } from './output.js';

interface DiffArgs extends GlobalArgs {
  old: string;
  new: string;
  json: boolean;
}

export const diffCommand: CommandModule<GlobalArgs, DiffArgs> = {
  command: 'diff <old> <new>',
  describe: 'What changed between two editions: data folders, output folders, packs or document PDFs',
  builder: (y) =>
    y
      .positional('old', { type: 'string', demandOption: true, describe: 'The earlier edition' })
      .positional('new', { type: 'string', demandOption: true, describe: 'The later edition' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
      .example('$0 diff old-output output', 'one line per change between two builds')
      .example('$0 diff last-year/briefing-pack.pdf data --json', 'what changed since a pack, as JSON'),
  handler: async (args) => {
    const { readEdition, diffEditions, describeChange, summariseChanges } = await import('../editions/index.js');
    const [old, next] = await Promise.all([readEdition(args.old), readEdition(args.new)]);
    const changes = diffEditions(old, next);
    if (args.json) {
      say.json({ old: { asOf: old.asOf, edition: old.number }, new: { asOf: next.asOf, edition: next.number }, changes });
      return;
    }
    for (const change of changes) say.info(describeChange(change));
    say.info(summariseChanges(changes));
  },
};
