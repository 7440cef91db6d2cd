import { DataFile } from './schema.js';

/** The JSON Schema of a data file as editors read it (TypeBox's own symbols are not JSON). */
export function jsonSchemaText(): string {
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(DataFile)) };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
