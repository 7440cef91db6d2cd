import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonSchemaText } from '../../src/facts/json-schema.js';
import { fixture } from '../helpers/fixtures.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

test('the committed JSON Schema is the one the TypeBox schema derives', async () => {
  const committed = await readFile(path.join(ROOT, 'schema/data-file.schema.json'), 'utf8');
  assert.ok(committed === jsonSchemaText(), 'schema/ is stale: run `npm run schema`');
  const schema = JSON.parse(committed) as { properties: Record<string, unknown>; additionalProperties: boolean };
  assert.equal(Object.keys(schema.properties).sort(), ['claims', 'meta', 'organisations', 'people', 'programmes', 'quotes', 'sources', 'timeline', 'topics']);
  assert.is(schema.additionalProperties, false);
});

test('list --json gives programmes and topics with their claim counts', () => {
  const result = runCli(['list', '--json', '--data', fixture('facts/valid')]);
  assert.is(result.code, 0, result.stderr);
  const listed = JSON.parse(result.stdout) as { programmes: Array<{ id: string; zh: string | null; claims: number }>; topics: Array<{ id: string }> };
  assert.equal(listed.programmes.map((p) => [p.id, p.zh, p.claims]), [['lantern', '灯笼计划', 4], ['beacon', null, 1]]);
  assert.equal(listed.topics.map((t) => t.id), ['money']);
});

test('list topics prints one aligned line per topic', () => {
  const result = runCli(['list', 'topics', '--data', fixture('facts/valid')]);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stdout, 'topic  money  Money for returning engineers  1 programmes  1 claims\n');
});

test.run();
