// The same changes from whatever an edition was kept as (issue 22): two builds of the bundled data
// (the Qiming brief and fact sheet) and two builds of a small dataset whole (its pack), compared as
// data folders, output folders, packs and single PDFs.
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { describeChange, diffEditions, documentChanges, documentRecords, readEdition } from '../../src/editions/index.js';
import { specFor } from '../../src/documents/plan.js';
import { loadFacts } from '../../src/facts/load.js';
import { editFile, EXPECTED_LINES, twoEditions } from '../helpers/edited-data.js';
import { fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

let editions: Awaited<ReturnType<typeof twoEditions>>;
const out = (name: string, ...rest: string[]) => path.join(editions.dir, name, ...rest);

function build(data: string, outDir: string, ...selection: string[]): void {
  const result = runCli(['build', '--data', data, '--out', outDir, '--quiet', ...selection], { timeout: 300_000 });
  assert.is(result.code, 0, result.stderr);
}

/** The lines `brief diff` prints between two editions, without the count. */
async function lines(old: string, next: string): Promise<string[]> {
  const [a, b] = await Promise.all([readEdition(old), readEdition(next)]);
  return diffEditions(a, b).map(describeChange);
}

/** The small dataset's second edition: its grant revised, a claim added, its one event removed, its scheme renamed. */
async function editSmallData(dir: string): Promise<void> {
  const programmes = path.join(dir, 'programmes.yaml');
  await editFile(programmes, 'en: Lantern scheme,', 'en: Lantern Plan,');
  await editFile(programmes, '        max: 2000000\n', '        max: 2500000\n');
  await writeFile(
    path.join(dir, 'more-claims.yaml'),
    'claims:\n  - id: lantern-new-office\n    statement: The council opened a Lantern office.\n    attribution: { kind: outside-fact, who: the test desk }\n    programmes: [lantern]\n    confidence: low\n',
  );
  const claims = path.join(dir, 'claims.yaml');
  await editFile(claims, '  - id: beacon-replaced\n    date: 2021\n    event: Lantern replaces Beacon.\n    claim: lantern-replaced-beacon\n    programmes: [lantern, beacon]\n', '');
  await editFile(claims, 'timeline:\n', 'timeline: []\n');
}

const SMALL_LINES = [
  'changed programme lantern name.en: "Lantern scheme" -> "Lantern Plan"',
  'added claim lantern-new-office: "The council opened a Lantern office."',
  'changed amount lantern/signing-bonus max: 2000000 -> 2500000',
  'removed event beacon-replaced (2021: Lantern replaces Beacon.)',
];

test.before(async () => {
  editions = await twoEditions();
  const selection = ['--programme', 'qiming', '--format', 'brief', '--format', 'one-pager'];
  build(editions.first, out('out-first'), ...selection);
  build(editions.second, out('out-second'), ...selection);
  await cp(fixture('facts/valid'), out('small-first'), { recursive: true });
  await cp(fixture('facts/valid'), out('small-second'), { recursive: true });
  await editSmallData(out('small-second'));
  build(out('small-first'), out('small-out-first'));
  build(out('small-second'), out('small-out-second'));
});
test.after(async () => editions.remove());

test('two output folders give the changes the two data folders give', async () => {
  assert.equal(await lines(editions.first, editions.second), EXPECTED_LINES);
  assert.equal(await lines(out('out-first'), out('out-second')), EXPECTED_LINES);
});

test("two briefs' PDFs, and two fact sheets' PDFs, give the same changes", async () => {
  for (const file of ['qiming-brief.pdf', 'qiming-one-pager.pdf']) {
    assert.equal(await lines(out('out-first/programmes/qiming', file), out('out-second/programmes/qiming', file)), EXPECTED_LINES, file);
  }
});

test('two packs give the changes their data folders give; a pack against its own output folder, none', async () => {
  assert.equal(await lines(out('small-first'), out('small-second')), SMALL_LINES);
  assert.equal(await lines(out('small-out-first/briefing-pack.pdf'), out('small-out-second/briefing-pack.pdf')), SMALL_LINES);
  assert.equal(await lines(out('small-out-first'), out('small-out-first/briefing-pack.pdf')), []);
  assert.equal(await lines(out('small-first'), out('small-out-first/briefing-pack.pdf')), []);
});

test("an output folder knows each document's records: the renamed programme's brief is told the four changes", async () => {
  const baseline = await readEdition(out('out-first'));
  assert.equal([...baseline.documents.keys()], ['programmes/qiming/brief', 'programmes/qiming/one-pager']);
  assert.is(baseline.asOf, '2023-08-24');
  assert.is(baseline.number, 1);
  const facts = await loadFacts(editions.second);
  const records = documentRecords(facts, specFor('programme', 'qiming', 'brief'));
  assert.equal(documentChanges(baseline, 'programmes/qiming/brief', records).map(describeChange), EXPECTED_LINES);
  // The HTML view carries no facts.json: it is told what its subject's brief is told.
  const html = documentRecords(facts, specFor('programme', 'qiming', 'html'));
  assert.equal(documentChanges(baseline, 'programmes/qiming/html', html).map(describeChange), EXPECTED_LINES);
  const unchanged = documentRecords(await loadFacts(editions.first), specFor('programme', 'qiming', 'one-pager'));
  assert.equal(documentChanges(baseline, 'programmes/qiming/one-pager', unchanged), []);
});

test.run();
