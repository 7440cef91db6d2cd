import type { CommandModule } from 'yargs';
import type { GlobalArgs } from './global-args.js';
import { say } from './output.js';

interface TemplatesArgs extends GlobalArgs {
  json: boolean;
}

export const templatesCommand: CommandModule<GlobalArgs, TemplatesArgs> = {
  command: 'templates',
  describe: 'List every template file and whether your templates folder or the bundled set supplies it',
  builder: (y) =>
    y
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
      .example('$0 templates', 'which layouts, partials and styles your templates folder overrides')
      .example('$0 templates --templates my-theme --json', 'the same for another folder, as JSON'),
  handler: async (args) => {
    const [{ listTemplates }, { BUNDLED_TEMPLATES }] = await Promise.all([
      import('../authoring/list-templates.js'),
      import('../package.js'),
    ]);
    const entries = listTemplates(args.templates, BUNDLED_TEMPLATES);
    if (args.json) {
      say.json({ templates: args.templates ?? null, bundled: BUNDLED_TEMPLATES, files: entries });
      return;
    }
    say.info(`templates folder: ${args.templates ?? '(none: every file is bundled)'}`);
    const width = Math.max(...entries.map((e) => e.path.length));
    for (const e of entries) say.info(`${e.path.padEnd(width)}  ${e.status}`);
    const count = (status: string) => entries.filter((e) => e.status === status).length;
    say.info(
      `${entries.length} files: ${count('overridden')} overridden, ${count('added')} added, ` +
        `${count('unchanged copy')} unchanged copies, ${count('bundled')} bundled`,
    );
  },
};
