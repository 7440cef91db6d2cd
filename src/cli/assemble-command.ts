// `brief assemble DIR... --out DIR` (issue 14): the shards of a plan, built by `brief build --shard
// K/N` on as many machines, checked as a set and made one output folder: the documents, the
// manifest, the pack, each audience's pack and, with --zip, the archives.
import type { CommandModule } from 'yargs';
import type { AssembleOptions } from '../batch/options.js';
import { displayPath } from '../fs/display-path.js';
import { abortOnSignals, checkOutFolder, toBuildOptions } from './build-command.js';
import { summarize } from './build-progress.js';
import type { GlobalArgs } from './global-args.js';
import { counted, say } from './output.js';
import { wholeNumberOption } from './whole-numbers.js';

interface AssembleArgs extends GlobalArgs {
  shards: string[];
  zip: boolean;
  timeout?: number;
  json: boolean;
}

/** The assembly the flags ask for: a build's settings (they must be those the shards were built with), and the shards. */
function toAssembleOptions(args: AssembleArgs): AssembleOptions {
  const build = toBuildOptions({ ...args, force: false });
  const { programmes: _p, topics: _t, shard: _s, forAudiences: _a, force: _force, ...options } = build;
  return { ...options, shards: args.shards };
}

export const assembleCommand: CommandModule<GlobalArgs, AssembleArgs> = {
  command: 'assemble <shards..>',
  describe: 'Check the folders of brief build --shard K/N and make the documents, manifest, packs and zips of the whole plan',
  builder: (y) =>
    y
      .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'The folders the shards were built into' })
      .option('zip', { type: 'boolean', default: false, describe: 'Also write briefing-pack.zip and each audience zip' })
      .option('timeout', wholeNumberOption('timeout', 'Fail a print or a browser that takes longer than this, in ms'))
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON summary' })
      .example('$0 assemble out-1 out-2 out-3 --out output', 'three shards into one output folder')
      .example('$0 assemble shards/* --out output --zip', 'with the archives'),
  handler: async (args) => {
    const options = toAssembleOptions(args);
    await checkOutFolder(options);
    const { assembleShards } = await import('../batch/run-batch.js');
    const interrupt = abortOnSignals((name) => say.status(`stopping on ${name}: closing the browser and removing temporary files (a second signal stops at once)`));
    try {
      const result = await assembleShards({ ...options, signal: interrupt.signal }, { onWarning: (text) => say.warn(text) });
      if (args.json) {
        say.json({ ...summarize(result), shards: options.shards.length });
        return;
      }
      const copied = result.built;
      const parts = [`${result.documents.length} documents from ${counted(options.shards.length, 'shard folder')} (${copied} copied, ${result.skipped} already there)`];
      if (result.pack) parts.push(`pack ${result.pack.pages} pages${result.pack.rebuilt ? '' : ' (unchanged)'}`);
      const audiencePacks = (result.audiences ?? []).filter((a) => a.pack).length;
      if (audiencePacks > 0) parts.push(counted(audiencePacks, 'audience pack'));
      if (result.zip) parts.push(`zip ${result.zip.path}`);
      say.info(`assembled ${parts.join(', ')} in ${displayPath(result.outDir, process.cwd())} (${(result.ms / 1000).toFixed(1)} s)`);
    } finally {
      interrupt.dispose();
    }
  },
};
