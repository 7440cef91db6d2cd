import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planDocuments } from '../../src/documents/plan.js';
import { loadFacts } from '../../src/facts/load.js';
import { parseShard, selectShard, shardOf } from '../../src/batch/shard.js';
import { FIXTURE_DATA } from './helpers/build-fixture.js';

let plan: ReturnType<typeof planDocuments> = [];
test.before(async () => {
  plan = planDocuments(await loadFacts(FIXTURE_DATA));
});
const manyKeys = Array.from({ length: 500 }, (_, i) => ({ key: `programmes/p${i}/brief` }));

test('every document falls in exactly one shard, for one to five shards', () => {
  for (const items of [plan, manyKeys]) {
    for (let count = 1; count <= 5; count++) {
      const seen = new Map<string, number>();
      for (let index = 1; index <= count; index++) {
        for (const item of selectShard(items, { index, count })) seen.set(item.key, (seen.get(item.key) ?? 0) + 1);
      }
      assert.is(seen.size, items.length, `N=${count}: every document in some shard`);
      assert.ok([...seen.values()].every((n) => n === 1), `N=${count}: no document in two shards`);
    }
  }
});

test('a shard keeps plan order and is stable when documents are added', () => {
  const before = selectShard(manyKeys, { index: 2, count: 3 }).map((i) => i.key);
  const grown = [{ key: 'programmes/new/brief' }, ...manyKeys];
  const after = selectShard(grown, { index: 2, count: 3 }).map((i) => i.key).filter((k) => k !== 'programmes/new/brief');
  assert.equal(after, before);
  const order = manyKeys.map((i) => i.key);
  assert.equal([...before].sort((a, b) => order.indexOf(a) - order.indexOf(b)), before);
});

test('shards of 500 documents are roughly even', () => {
  const counts = [1, 2, 3, 4].map((index) => selectShard(manyKeys, { index, count: 4 }).length);
  assert.ok(counts.every((n) => n > 90 && n < 160), `sizes ${counts}`);
  // Stable across runs, machines and versions: a CI matrix must not see its shards reshuffled.
  assert.is(shardOf('programmes/qiming/brief', 4), 2);
  assert.is(shardOf('topics/money-and-perks/one-pager', 4), 1);
});

test('--shard takes K/N and refuses anything else with a usage error', () => {
  assert.equal(parseShard('2/4'), { index: 2, count: 4 });
  for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) {
    assert.throws(() => parseShard(bad), (e: Error) => e.name === 'UsageError' && e.message.includes('K/N'));
  }
});

test.run();
