// `brief build --since OLD` (issue 22): the bundled data built whole, then a second edition of it
// (Qiming renamed, its signing bonus revised, a claim added and cited, an event removed) built
// against the first. Every expectation is what a reader sees in the PDFs, read back by poppler.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { editFile, twoEditions } from '../helpers/edited-data.js';
import { pageCount, pageText, pdfReadingText } from '../helpers/pdf.js';
import { detach, detachList, elements, linkTargets, structTrees, textOf } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { checkAccessibility, formatResults } from '../helpers/ua-checks.js';

let editions: Awaited<ReturnType<typeof twoEditions>>;
// The builds go beside the data folders `first/` and `second/`, never into them.
const out = (...parts: string[]) => path.join(editions.dir, 'out', ...parts);
const PDFS = ['--format', 'brief', '--format', 'one-pager'];
let secondBuild: { code: number | null; stdout: string; stderr: string };

function build(...args: string[]) {
  return runCli(['build', ...args], { timeout: 300_000 });
}

test.before(async () => {
  editions = await twoEditions();
  // The added claim is cited too: Qiming's target row rests on it.
  await editFile(path.join(editions.second, 'programmes/qiming.yaml'), 'claims: [qiming-sensitive-fields,', 'claims: [qiming-new-office, qiming-sensitive-fields,');
  const first = build('--data', editions.first, '--out', out('first'), '--quiet', ...PDFS);
  assert.is(first.code, 0, first.stderr);
  secondBuild = build('--data', editions.second, '--out', out('second'), '--since', out('first'), ...PDFS);
  assert.is(secondBuild.code, 0, secondBuild.stderr);
});

test.after(() => editions.remove());

test('the changed programme\'s brief names the old and the new amount, the new claim and the removed event', () => {
  const text = pdfReadingText(out('second/programmes/qiming/qiming-brief.pdf'));
  assert.ok(text.includes('Edition 2 · previous edition 24 August 2023'), text.slice(0, 600));
  assert.ok(text.includes('SINCE THE LAST EDITION (24 AUGUST 2023)'), text.slice(0, 2000));
  assert.ok(text.includes('Qiming Plan (name): Qiming Plan (was Qiming)'), text.slice(0, 2000));
  assert.ok(text.includes('Typical signing bonus: CN¥3.5m–CN¥5m (was CN¥3m–CN¥5m)'), text.slice(0, 2000));
  // The part says each change whole, its notes numbered first (it is read first).
  assert.ok(text.includes('Typical signing bonus: CN¥3.5m–CN¥5m (was CN¥3m–CN¥5m) 1 New'), text.slice(0, 2000));
  assert.ok(text.includes('New CLAIM MIIT opened an office in Shenzhen in 2024 to receive applications for Qiming from abroad. 2 Withdrawn'), text.slice(0, 2000));
  assert.ok(text.includes("Withdrawn EVENT 2021: Ma Yuanxiao of the Beijing Institute of Technology becomes a Qiming recipient, as the institute's website records. At a glance"), text.slice(0, 2000));
});

test('the changed programme\'s fact sheet says what changed in one line', () => {
  const text = pdfReadingText(out('second/programmes/qiming/qiming-one-pager.pdf'));
  assert.ok(text.includes('Changed since 24 August 2023: PROGRAMME Qiming Plan (name): Qiming Plan (was Qiming); 2 more changes'), text);
  assert.is(pageCount(out('second/programmes/qiming/qiming-one-pager.pdf')), 1);
});

test('a document whose facts did not change shows no change part, only its edition', () => {
  // The export-controls brief compares Qiming's signing bonus and so changed; its fact sheet prints neither that amount nor the event withdrawn.
  const sheet = 'topics/export-controls-and-counterintelligence/export-controls-and-counterintelligence-one-pager.pdf';
  for (const file of ['programmes/kunpeng/kunpeng-brief.pdf', 'programmes/kunpeng/kunpeng-one-pager.pdf', sheet]) {
    const text = pdfReadingText(out('second', file));
    assert.not.ok(/since the last edition|Changed since/i.test(text), file);
    assert.ok(text.includes('Edition 2 · previous edition 24 August 2023'), file);
  }
  // Its first page is the first edition's, but for the edition line (later pages name Qiming, renamed, among the programmes compared).
  const strip = (file: string) => pageText(file, 1).replace(/\s+/g, ' ').replace('Edition 2 · previous edition 24 August 2023', 'Edition 1');
  assert.is(strip(out('second/programmes/kunpeng/kunpeng-brief.pdf')), strip(out('first/programmes/kunpeng/kunpeng-brief.pdf')));
});

test('the changed passages are marked with words a screen reader reads out, tagged as text', async () => {
  const tagged = (await structTrees(out('second/programmes/qiming/qiming-brief.pdf'))).flatMap((tree) => elements(tree)).map(textOf);
  assert.ok(tagged.filter((text) => text.includes('Changed since the last edition')).length >= 2, 'fewer than two marks in the structure tree');
  const unchanged = (await structTrees(out('second/programmes/kunpeng/kunpeng-brief.pdf'))).flatMap((tree) => elements(tree)).map(textOf);
  assert.not.ok(unchanged.some((text) => text.includes('Changed since the last edition')));
});

test("the pack's What-changed page lists exactly the changed documents, each linked to its first page", async () => {
  const pack = out('second/briefing-pack.pdf');
  const page = [2, 3, 4].find((p) => pageText(pack, p).includes('What changed since 24 August 2023'));
  assert.ok(page, 'no What-changed page after the contents');
  const listed = [page, page + 1]
    .flatMap((p) => pageText(pack, p).split('\n'))
    .map((line) => /^\s*(.+?: (brief|fact sheet))\s*\.*\s*\d+\s*$/.exec(line)?.[1])
    .filter((title): title is string => Boolean(title));
  assert.equal(listed, [
    'Qiming Plan (启明, Qǐmíng): brief',
    'Qiming Plan (启明, Qǐmíng): fact sheet',
    'The chip-talent shortage and self-reliance: brief',
    'US export controls and counter-intelligence: brief',
    'Money and perks: brief',
    'Money and perks: fact sheet',
    'Provincial and city schemes: brief',
    'Provincial and city schemes: fact sheet',
    'Recruiters and their channels: brief',
    'Secrecy and low profile: brief',
    'Secrecy and low profile: fact sheet',
    'Who is targeted: brief',
    'Who is targeted: fact sheet',
    'Why experts hesitate to return: brief',
  ]);
  const said = pageText(pack, page).replace(/\s+/g, ' ');
  assert.ok(said.includes('4 changes: Changed: Qiming Plan (name); Changed: Typical signing bonus; New: MIIT opened an office in Shenzhen in 2024 to receive applications for Qiming …; and 1 more'), said);
  const links = (await linkTargets(pack)).filter((link) => link.page === page);
  const qiming = links.find((link) => link.contents === 'Go to Qiming Plan (启明, Qǐmíng): brief');
  assert.ok(qiming?.target, JSON.stringify(links.slice(0, 3)));
  assert.ok(pageText(pack, qiming.target).includes('Qiming Plan'), `page ${qiming.target}`);
  // The first edition's pack has no such page.
  assert.not.ok([2, 3, 4].some((p) => pageText(out('first/briefing-pack.pdf'), p).includes('What changed')));
});

test('the manifest and facts.json carry edition 2 and the previous date', async () => {
  const manifest = JSON.parse(await readFile(out('second/manifest.json'), 'utf8'));
  assert.equal(manifest.edition, { number: 2, previousAsOf: '2023-08-24' });
  assert.is(JSON.parse(await readFile(out('first/manifest.json'), 'utf8')).edition, undefined);
  const file = out('second/programmes/kunpeng/kunpeng-brief.pdf');
  detach(file, detachList(file).indexOf('facts.json') + 1, out('kunpeng-facts.json'));
  const facts = JSON.parse(await readFile(out('kunpeng-facts.json'), 'utf8'));
  assert.equal(facts.document.edition, { number: 2, previousAsOf: '2023-08-24' });
});

test('every document passed the proof, and the changed ones pass the accessibility checks', async () => {
  assert.match(secondBuild.stdout + secondBuild.stderr, /32 of 32 documents passed the proof/);
  for (const file of ['programmes/qiming/qiming-brief.pdf', 'programmes/qiming/qiming-one-pager.pdf', 'programmes/kunpeng/kunpeng-brief.pdf']) {
    const failed = (await checkAccessibility(out('second', file))).filter((r) => !r.ok);
    assert.is(failed.length, 0, `${file}\n${formatResults(failed)}`);
  }
});

test('built again against the same edition nothing is rebuilt; against a later one, every document is', () => {
  const again = build('--data', editions.second, '--out', out('second'), '--since', out('first'), '--json', ...PDFS);
  assert.is(again.code, 0, again.stderr);
  assert.is(JSON.parse(again.stdout).built, 0);
  // The second edition as the baseline: edition 3, and nothing changed since it.
  const third = build('--data', editions.second, '--out', out('second'), '--since', out('second'), '--json', ...PDFS);
  assert.is(third.code, 0, third.stderr);
  assert.is(JSON.parse(third.stdout).built, 32);
  const text = pdfReadingText(out('second/programmes/qiming/qiming-brief.pdf'));
  assert.ok(text.includes('Edition 3 · previous edition 24 August 2023'));
  assert.not.ok(text.includes('SINCE THE LAST EDITION'));
});

test('an earlier edition that cannot be read stops the build in one line, before anything is written', () => {
  const result = build('--data', editions.second, '--out', out('never'), '--since', out('no-such-folder'));
  assert.is.not(result.code, 0);
  assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /--since: the earlier edition cannot be read: .*no-such-folder: no such file or folder/);
  assert.not.ok(existsSync(out('never')));
});

test.run();
