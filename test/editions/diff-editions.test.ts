// Two editions compared by stable id (issue 22): the bundled data against a copy edited as a
// second edition is, and an old-model folder against its migrated copy.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Edition } from '../../src/contracts/editions.js';
import { describeChange, diffEditions, diffRecords, documentChanges, documentRecords, readEdition, summariseChanges } from '../../src/editions/index.js';
import { specFor } from '../../src/documents/plan.js';
import { loadFacts } from '../../src/facts/load.js';
import { planMigration, writeMigration } from '../../src/facts/migrate/migrate-folder.js';
import { EXPECTED_LINES, twoEditions } from '../helpers/edited-data.js';
import { fixture } from '../helpers/fixtures.js';

let editions: Awaited<ReturnType<typeof twoEditions>>;
let first: Edition;
let second: Edition;
test.before(async () => {
  editions = await twoEditions();
  [first, second] = await Promise.all([readEdition(editions.first), readEdition(editions.second)]);
});
test.after(async () => editions.remove());

test('an amount revised, a claim added, an event removed and a programme renamed are four changes, in entity order', () => {
  const changes = diffEditions(first, second);
  assert.equal(changes.map(describeChange), EXPECTED_LINES);
  assert.is(summariseChanges(changes), '4 changes: 1 added, 1 removed, 2 changed');
});

test('a changed field carries its old and new value; an added or removed record its label', () => {
  assert.equal(diffEditions(first, second), [
    { type: 'changed', entity: 'programme', id: 'qiming', label: 'Qiming Plan', field: 'name.en', old: 'Qiming', new: 'Qiming Plan' },
    { type: 'added', entity: 'claim', id: 'qiming-new-office', label: 'MIIT opened an office in Shenzhen in 2024 to receive …' },
    { type: 'changed', entity: 'amount', id: 'qiming/signing-bonus', label: 'Typical signing bonus', field: 'min', old: '3000000', new: '3500000' },
    { type: 'removed', entity: 'event', id: 'ma-yuanxiao-named', label: '2021: Ma Yuanxiao of the Beijing Institute of Technology …' },
  ]);
});

test('an edition against itself has no changes; the other way round, the added claim is removed', () => {
  assert.equal(diffEditions(first, first), []);
  const back = diffEditions(second, first).map(describeChange);
  assert.equal(back, [
    'changed programme qiming name.en: "Qiming Plan" -> "Qiming"',
    'removed claim qiming-new-office (MIIT opened an office in Shenzhen in 2024 to receive …)',
    'changed amount qiming/signing-bonus min: 3500000 -> 3000000',
    'added event ma-yuanxiao-named: "2021: Ma Yuanxiao of the Beijing Institute of Technology …"',
  ]);
});

test('a data folder is edition 1 of its as-of date, its records sorted by entity then id, none naming a local file', () => {
  assert.is(first.asOf, '2023-08-24');
  assert.is(first.number, 1);
  assert.is(first.documents.size, 0);
  const kinds = [...new Set(first.records.map((r) => r.entity))];
  assert.equal(kinds, ['programme', 'topic', 'claim', 'amount', 'event', 'quote', 'person', 'organisation', 'source']);
  const source = first.records.find((r) => r.entity === 'source' && r.id === 'reuters-2023-08-24');
  assert.ok(source);
  assert.is(source.fields.publisher, 'Reuters');
  assert.not.ok('text' in source.fields, 'the local text file is not a field');
  const amount = first.records.find((r) => r.entity === 'amount' && r.id === 'qiming/signing-bonus');
  assert.equal(amount?.fields, {
    claim: 'signing-bonus-and-housing',
    currency: 'CNY',
    kind: 'signing-bonus',
    label: 'Typical signing bonus',
    max: '5000000',
    min: '3000000',
    note: 'Three anonymous sources.',
    'rate.basis': "implied by the article's own conversion of 3 million yuan to $420,000",
    'rate.rate': '0.14',
    'rate.to': 'USD',
    'reported.currency': 'USD',
    'reported.max': '700000',
    'reported.min': '420000',
    'reported.qualifier': 'exactly',
  });
});

test("a document's changes against a data folder: the renamed programme's four, none for a programme the edits do not touch", async () => {
  const facts = await loadFacts(editions.second);
  const qiming = documentRecords(facts, specFor('programme', 'qiming', 'brief'));
  assert.equal(documentChanges(first, 'programmes/qiming/brief', qiming).map(describeChange), EXPECTED_LINES);
  const kunpeng = documentRecords(facts, specFor('programme', 'kunpeng', 'brief'));
  assert.ok(kunpeng.some((r) => r.entity === 'event' && r.id === 'kunpeng-launched'), 'the kunpeng brief draws on its events');
  assert.equal(documentChanges(first, 'programmes/kunpeng/brief', kunpeng), []);
});

test('a field that appears or goes shows as (none) on its other side; text is quoted, numbers and years are not', () => {
  const was = { entity: 'claim' as const, id: 'x', label: 'X', fields: { statement: 'Said "twice"', date: '2021', 'figures.0.value': '12' } };
  const is = { entity: 'claim' as const, id: 'x', label: 'X', fields: { statement: 'Said once', confidence: 'high', 'figures.0.value': 'thousands' } };
  assert.equal(diffRecords([was], [is]).map(describeChange), [
    'changed claim x confidence: (none) -> "high"',
    'changed claim x date: 2021 -> (none)',
    'changed claim x figures.0.value: 12 -> "thousands"',
    'changed claim x statement: "Said \\"twice\\"" -> "Said once"',
  ]);
});

test('an old-model folder diffs against its migrated copy with no change', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-editions-'));
  try {
    await cp(fixture('migrate/old'), dir, { recursive: true });
    const plan = await planMigration(dir);
    assert.ok(plan.changes.length > 0, 'the fixture is of the old model');
    await writeMigration(plan);
    const [old, migrated] = await Promise.all([readEdition(fixture('migrate/old')), readEdition(dir)]);
    assert.equal(diffEditions(old, migrated), []);
    // The old folder was read as the current model reads it: its yuan named, its scale labelled.
    const bonus = old.records.find((r) => r.id === 'harbour/signing-bonus');
    assert.is(bonus?.fields.currency, 'CNY');
    assert.is(bonus?.fields['reported.currency'], 'USD');
    assert.ok(old.records.length > 5);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
