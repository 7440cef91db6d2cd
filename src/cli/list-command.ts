import type { CommandModule } from 'yargs';
import type { GlobalArgs } from './global-args.js';
import { counted, say } from './output.js';
import { namesInOrder } from '../facts/native-names.js';
import { displayWidth, padToWidth } from '../text/display-width.js';

interface ListArgs extends GlobalArgs {
  what: 'all' | 'programmes' | 'topics';
  json: boolean;
}

export const listCommand: CommandModule<GlobalArgs, ListArgs> = {
  command: 'list [what]',
  describe: 'List the programmes and topics in the data',
  builder: (y) =>
    y
      .positional('what', { choices: ['all', 'programmes', 'topics'] as const, default: 'all' as const })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
      .example('$0 list programmes', 'one line per programme')
      .example('$0 list --json', 'programmes and topics as JSON'),
  handler: async (args) => {
    const { loadFacts } = await import('../facts/load.js');
    const facts = await loadFacts(args.data);
    const programmes = [...facts.programmes.values()].map((p) => ({
      id: p.id,
      // The name the dataset's language leads with (issue 23): a Japanese dataset's programme by its Japanese name.
      name: namesInOrder(p.name.en, p.name.native, facts.meta.language ?? 'en')[0],
      other: namesInOrder(p.name.en, p.name.native, facts.meta.language ?? 'en')[1],
      native: p.name.native ?? null,
      level: p.level,
      jurisdiction: p.jurisdiction,
      status: p.status,
      publicity: p.publicity,
      claims: facts.claimsByProgramme.get(p.id)?.length ?? 0,
    }));
    const topics = [...facts.topics.values()].map((t) => ({
      id: t.id,
      title: t.title,
      programmes: t.programmes,
      claims: facts.claimsByTopic.get(t.id)?.length ?? 0,
    }));
    const showProgrammes = args.what !== 'topics';
    const showTopics = args.what !== 'programmes';
    if (args.json) {
      say.json({ ...(showProgrammes ? { programmes } : {}), ...(showTopics ? { topics } : {}) });
      return;
    }
    const rows: string[][] = [];
    if (showProgrammes) {
      for (const p of programmes) rows.push(['programme', p.id, p.other ? `${p.name} (${p.other})` : p.name, `${p.level}, ${p.status}`, counted(p.claims, 'claim')]);
    }
    if (showTopics) for (const t of topics) rows.push(['topic', t.id, t.title, counted(t.programmes.length, 'programme'), counted(t.claims, 'claim')]);
    // Padded by the columns a terminal gives each character, wide Japanese and Korean ones two (issue 23).
    const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, displayWidth(cell))), []);
    for (const row of rows) say.info(row.map((cell, i) => (i === row.length - 1 ? cell : padToWidth(cell, widths[i] ?? 0))).join('  '));
  },
};
