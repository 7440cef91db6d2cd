import type { CommandModule } from 'yargs';
import type { GlobalArgs } from './global-args.js';
import { say } from './output.js';

interface SchemaArgs extends GlobalArgs {
  write?: string;
}

/** The JSON Schema file editors validate data files against. */
export const SCHEMA_FILE = 'data-file.schema.json';

export const schemaCommand: CommandModule<GlobalArgs, SchemaArgs> = {
  command: 'schema',
  describe: 'Print the JSON Schema of a data file, or write it for editors',
  builder: (y) =>
    y
      .option('write', { type: 'string', describe: `Write it into this folder as ${SCHEMA_FILE}` })
      .example('$0 schema --write schema', `write schema/${SCHEMA_FILE}`),
  handler: async (args) => {
    const { jsonSchemaText } = await import('../facts/json-schema.js');
    const text = jsonSchemaText();
    if (!args.write) {
      process.stdout.write(text);
      return;
    }
    const { OutputWriter } = await import('../batch/output-writer.js');
    const file = await new OutputWriter(args.write).write(SCHEMA_FILE, text);
    say.info(`wrote ${file}`);
  },
};
