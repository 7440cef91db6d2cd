// `brief list`: what is in the data, as lines or JSON.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

test('list --json gives programmes and topics with their claim counts', () => {
  const result = runCli(['list', '--json', '--data', fixture('facts/valid')]);
  assert.is(result.code, 0, result.stderr);
  const listed = JSON.parse(result.stdout) as { programmes: Array<{ id: string; native: { text: string; lang: string } | null; claims: number }>; topics: Array<{ id: string }> };
  assert.equal(listed.programmes.map((p) => [p.id, p.native, p.claims]), [
    ['lantern', { text: '灯笼计划', lang: 'zh', romanized: { text: 'Dēnglóng Jìhuà', system: 'pinyin' } }, 4],
    ['beacon', null, 1],
  ]);
  assert.equal(listed.topics.map((t) => t.id), ['money']);
});

test('list topics prints one aligned line per topic', () => {
  const result = runCli(['list', 'topics', '--data', fixture('facts/valid')]);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stdout, 'topic  money  Money for returning engineers  1 programme  1 claim\n');
});

test.run();
