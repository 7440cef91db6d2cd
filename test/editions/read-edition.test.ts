// What an edition can be read from (issue 22): a facts.json of either version, a PDF, and a clear
// one-line error for what is none of these.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { documentRecords, readEdition } from '../../src/editions/index.js';
import { specFor } from '../../src/documents/plan.js';
import { buildView } from '../../src/documents/build-view.js';
import { documentEvidence } from '../../src/render/document-evidence.js';
import { loadFacts } from '../../src/facts/load.js';
import { EditionError, EXIT } from '../../src/errors.js';
import { ROOT } from '../helpers/run-cli.js';

let dir: string;
test.before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brief-editions-'));
});
test.after(async () => rm(dir, { recursive: true, force: true }));

/** The Huzhou fact sheet's facts.json as the first version of the file gave it (issue 14). */
const FACTS_AT_1 = {
  format: 'briefing-press/facts@1',
  document: { key: 'programmes/huzhou/one-pager', title: 'Huzhou Qiming referral incentives: fact sheet', asOf: '2023-08-24' },
  claims: [
    {
      id: 'huzhou-referral-payment',
      note: 1,
      statement:
        'A 2021 Huzhou directive lets city or district governments pay employers up to 1.5 million yuan when a candidate they put forward for Qiming is accepted.',
      attribution: { kind: 'official-document', who: 'Huzhou city directive (2021)' },
      source: 'reuters-2023-08-24',
      excerpt: 'employers that recommend candidates to Qiming can receive incentive payments of up to 1.5 million yuan from the city or district governments',
      locator: null,
      date: '2021',
      confidence: 'high',
    },
  ],
  sources: [{ id: 'reuters-2023-08-24', publisher: 'Reuters', headline: 'China quietly recruits overseas chip talent as US tightens curbs', date: '2023-08-24', url: null }],
};

test('a facts@1 file is read: its claims and sources as records, each claim with its hash worked out again', async () => {
  const file = path.join(dir, 'facts-1.json');
  await writeFile(file, JSON.stringify(FACTS_AT_1));
  const edition = await readEdition(file);
  assert.is(edition.asOf, '2023-08-24');
  assert.is(edition.number, 1);
  assert.equal([...edition.documents], [['programmes/huzhou/one-pager', ['claim:huzhou-referral-payment', 'source:reuters-2023-08-24']]]);
  const [claim, source] = edition.records;
  assert.equal(claim?.fields, {
    statement: FACTS_AT_1.claims[0]!.statement,
    'attribution.kind': 'official-document',
    'attribution.who': 'Huzhou city directive (2021)',
    source: 'reuters-2023-08-24',
    excerpt: FACTS_AT_1.claims[0]!.excerpt,
    date: '2021',
    confidence: 'high',
  });
  assert.match(claim?.hash ?? '', /^[0-9a-f]{16}$/);
  assert.is(source?.label, 'Reuters: China quietly recruits overseas chip talent as US …');
});

test("a facts@2 file gives back every record the document draws on, each claim's hash as the file gives it", async () => {
  const facts = await loadFacts(path.join(ROOT, 'data'));
  const spec = specFor('programme', 'huzhou', 'one-pager');
  const content = documentEvidence(buildView(facts, spec, {}).evidence, spec, 'Huzhou', 'facts').content;
  const written = JSON.parse(content) as { format: string; claims: Array<{ id: string; hash: string }> };
  assert.is(written.format, 'briefing-press/facts@2');
  const file = path.join(dir, 'facts-2.json');
  await writeFile(file, content);
  const edition = await readEdition(file);
  assert.equal(edition.records, documentRecords(facts, spec));
  const claim = edition.records.find((r) => r.id === 'huzhou-referral-payment');
  assert.is(claim?.hash, written.claims.find((c) => c.id === 'huzhou-referral-payment')?.hash);
  // Its subject, the claims it cites and those naming Huzhou (data/claims: four), its amount, event, sponsor and source.
  assert.equal(
    edition.records.map((r) => `${r.entity}:${r.id}`),
    [
      'programme:huzhou',
      'claim:huzhou-referral-payment',
      'claim:local-governments-invest',
      'claim:qiming-in-tandem',
      'claim:zhejiang-silent',
      'amount:huzhou/referral-payment',
      'event:huzhou-directive',
      'organisation:huzhou-government',
      'source:reuters-2023-08-24',
    ],
  );
});

/** The error readEdition throws for `target`. */
async function failure(target: string): Promise<EditionError> {
  try {
    await readEdition(target);
  } catch (error) {
    if (error instanceof EditionError) return error;
    throw error;
  }
  return assert.unreachable(`${target} was read`) as never;
}

test('what is not there is a usage error naming the path and what was expected', async () => {
  const missing = path.join(dir, 'nowhere');
  const error = await failure(missing);
  assert.is(error.message, `${missing}: no such file or folder; expected a data folder, an output folder, a pack or a document PDF`);
  assert.is(error.exitCode, EXIT.usage);
});

test('a file that is neither a PDF nor facts.json, and a PDF without facts.json, are each one line', async () => {
  const text = path.join(dir, 'notes.txt');
  await writeFile(text, 'not an edition');
  assert.is((await failure(text)).message, `${text}: neither a PDF nor a facts.json; expected a data folder, an output folder, a pack or a document PDF`);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage();
  const bare = path.join(dir, 'bare.pdf');
  await writeFile(bare, await pdf.save({ useObjectStreams: false }));
  const error = await failure(bare);
  assert.is(error.message, `${bare}: a PDF without facts.json; expected a document or pack built by brief`);
  assert.is(error.exitCode, EXIT.data);
});

test('a data folder with problems names the first of them', async () => {
  const bad = path.join(ROOT, 'test/fixtures/facts/bad');
  const error = await failure(bad);
  assert.ok(error.message.startsWith(`${bad}: a data folder with problems, the first: `), error.message);
  assert.not.ok(error.message.includes('\n'), 'one line');
});

test.run();
