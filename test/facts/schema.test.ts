import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonSchemaText } from '../../src/facts/json-schema.js';
import { ROOT } from '../helpers/run-cli.js';

test('the committed JSON Schema is the one the TypeBox schema derives', async () => {
  const committed = await readFile(path.join(ROOT, 'schema/data-file.schema.json'), 'utf8');
  assert.ok(committed === jsonSchemaText(), 'schema/ is stale: run `npm run schema`');
  const schema = JSON.parse(committed) as { properties: Record<string, unknown>; additionalProperties: boolean };
  assert.equal(Object.keys(schema.properties).sort(), ['claims', 'meta', 'organisations', 'people', 'programmes', 'quotes', 'sources', 'timeline', 'topics']);
  assert.is(schema.additionalProperties, false);
});

test.run();
