// `brief diff OLD NEW` (issue 22): one line per change and a count, or the same as JSON; exit 0
// whether or not anything changed; one line and a nonzero exit for what it cannot read.
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXPECTED_LINES, twoEditions } from '../helpers/edited-data.js';
import { runCli } from '../helpers/run-cli.js';

let editions: Awaited<ReturnType<typeof twoEditions>>;
test.before(async () => {
  editions = await twoEditions();
});
test.after(async () => editions.remove());

test('diff of two data folders prints each change on a line, then the count, and exits 0', () => {
  const result = runCli(['diff', editions.first, editions.second]);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stdout, [...EXPECTED_LINES, '4 changes: 1 added, 1 removed, 2 changed', ''].join('\n'));
  assert.is(result.stderr, '');
});

test('diff of an edition against itself prints a count of none and exits 0', () => {
  const result = runCli(['diff', editions.first, editions.first]);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stdout, '0 changes: 0 added, 0 removed, 0 changed\n');
});

test('diff --json gives both editions and the same changes as data', () => {
  const result = runCli(['diff', editions.first, editions.second, '--json']);
  assert.is(result.code, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as { old: unknown; new: unknown; changes: Array<Record<string, string>> };
  assert.equal(parsed.old, { asOf: '2023-08-24', edition: 1 });
  assert.equal(parsed.new, { asOf: '2023-08-24', edition: 1 });
  assert.equal(parsed.changes[2], { type: 'changed', entity: 'amount', id: 'qiming/signing-bonus', label: 'Typical signing bonus', field: 'min', old: '3000000', new: '3500000' });
  assert.equal(
    parsed.changes.map((c) => [c.type, c.entity, c.id]),
    [
      ['changed', 'programme', 'qiming'],
      ['added', 'claim', 'qiming-new-office'],
      ['changed', 'amount', 'qiming/signing-bonus'],
      ['removed', 'event', 'ma-yuanxiao-named'],
    ],
  );
});

test('a path that is not there: one line naming it and what was expected, exit 2', () => {
  const missing = path.join(editions.dir, 'no-such-edition');
  const result = runCli(['diff', editions.first, missing]);
  assert.is(result.code, 2);
  assert.is(result.stdout, '');
  assert.is(result.stderr, `error: ${missing}: no such file or folder; expected a data folder, an output folder, a pack or a document PDF\n`);
});

test('diff needs both editions', () => {
  const result = runCli(['diff', editions.first]);
  assert.is(result.code, 2);
  assert.match(result.stderr, 'Not enough non-option arguments');
});

test.run();
