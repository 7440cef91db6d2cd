// Relations between programmes (issue 11): none names itself, and predecessors and successors,
// read as order in time, never go round in a cycle; each cycle is reported once, at one field.
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFixture, fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

test('a programme that names itself, and each cycle of predecessors and successors, is a problem at its field', async () => {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    const file = path.join(dir, 'relations.yaml');
    await copyFile(fixture('facts/refused/relations.yaml'), file);
    const result = runCli(['check', '--data', dir]);
    assert.is(result.code, 1, result.stderr);
    const cycle = 'predecessors and successors go round in a cycle:';
    assert.equal(result.stderr.trimEnd().split('\n'), [
      `${file}:4:20  programmes[0].predecessor  "selfish" is its own predecessor`,
      `${file}:4:40  programmes[0].successor  "selfish" is its own successor`,
      `${file}:4:68  programmes[0].related[1]  "selfish" lists itself as related`,
      `${file}:7:132  programmes[2].successor  ${cycle} alpha -> bravo -> alpha (each came before the next)`,
      `${file}:10:20  programmes[3].predecessor  ${cycle} charlie -> delta -> charlie (each came before the next)`,
      `${file}:14:40  programmes[5].predecessor  ${cycle} echo -> foxtrot -> golf -> echo (each came before the next)`,
      '6 problems found',
    ]);
  } finally {
    await remove();
  }
});

test('a cycle through thousands of programmes is found without overflowing, and shown by its ends', async () => {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    const count = 3000;
    const lines = ['programmes:'];
    for (let i = 0; i < count; i++) {
      lines.push(`  - { id: p${i}, name: { en: P${i} }, summary: S., level: national, jurisdiction: X, status: active, publicity: public, successor: p${(i + 1) % count} }`);
    }
    const file = path.join(dir, 'chain.yaml');
    await writeFile(file, `${lines.join('\n')}\n`);
    const result = runCli(['check', '--data', dir]);
    assert.is(result.code, 1, result.stderr);
    assert.is(
      result.stderr,
      `${file}:${count + 1}:132  programmes[${count - 1}].successor  predecessors and successors go round in a cycle: ` +
        'p0 -> p1 -> p2 -> p3 -> p4 -> p5 -> (2992 more) -> p2998 -> p2999 -> p0 (each came before the next)\n1 problem found\n',
    );
  } finally {
    await remove();
  }
});

test('the bundled data has no programme naming itself and no cycle', () => {
  const result = runCli(['check']);
  assert.is(result.code, 0, result.stderr);
});

test.run();
