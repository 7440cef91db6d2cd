// The proof (issue 18) on small documents printed by Chromium, each made to show one make-up
// fault: the finding names the document, the page and the kind, as the build prints it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { finishPdf } from '../../src/pdf/index.js';
import { describeFinding, proofFile, proofPdf, type ProofFinding } from '../../src/proof/index.js';
import { openPrinter, paragraph, testDocument, testSkeleton } from '../helpers/skeleton-fixture.js';

const MARGINS = { top: 20, right: 18, bottom: 20, left: 18 };
/** The content box of the test page: A4 less 20 mm above and below. */
const CONTENT_MM = 257;

let open: Awaited<ReturnType<typeof openPrinter>> | undefined;

/**
 * Prints `body` on A4 with 20/18 mm margins, finishes it as a build does and proofs it as
 * `faults/<name>.pdf` from the objects finishing wrote (issue 21), which find what the finished
 * file's bytes, read back, find.
 */
async function proof(name: string, body: string, onePage = false): Promise<ProofFinding[]> {
  open ??= await openPrinter(testSkeleton(), { concurrency: 2 });
  const doc = testDocument(`programmes/${name}/brief`, `<main>${body}</main>`);
  const finished = await finishPdf((await open.raw.print(doc)).bytes, doc);
  const options = { path: `faults/${name}.pdf`, margins: MARGINS, onePage };
  const found = proofFile(finished.file, options);
  assert.equal(found, proofPdf(finished.bytes, options), `${name}: the finished objects and the finished bytes agree`);
  return found;
}

const kinds = (findings: ProofFinding[]) => findings.map(({ path, page, kind }) => `${path} p. ${page}: ${kind}`);
const spacer = (mm: number) => `<div style="height: ${mm}mm"></div>`;
/** Enough text after a fault that the last page is not a short one. */
const filler = Array.from({ length: 3 }, () => `<p>${paragraph(120)}</p>`).join('');
const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} line ${i + 1}`).join('<br>');

test.after(async () => {
  await open?.close();
});

test('a page of plain paragraphs has no finding', async () => {
  const body = `<h1>Programme</h1>${Array.from({ length: 7 }, () => `<p>${paragraph(90)}</p>`).join('')}`;
  assert.equal(kinds(await proof('plain', body)), []);
});

test('text pushed past the left edge of the page is clipped text on its page', async () => {
  // Chromium leaves out glyphs wholly outside the page's clip: the one it cuts is what is seen.
  const found = await proof('pushed', `<p>${paragraph(20)}</p><p style="margin-left: -20mm">MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM pushed past the edge of the page</p>`);
  assert.equal(kinds(found), ['faults/pushed.pdf p. 1: clipped-text']);
  assert.is(describeFinding(found[0]!), 'faults/pushed.pdf p. 1: text clipped or outside the page ("MMMMMMMMMMMMMMMMMMMMMMMMMMMMMM pushed pa" at x 44-520 pt of 595)');
});

test("a list's bullets hanging past the column are cut by the page's clip", async () => {
  const found = await proof('bullets', `<p>People</p><ul style="padding-left: 13px"><li>Ma Yuanxiao, associate professor</li><li>Chen Biaohua, recruiter</li></ul>`);
  assert.equal(kinds(found), ['faults/bullets.pdf p. 1: clipped-text']);
  assert.is(found[0]!.detail, 'a list bullet cut at x 48-52 pt');
});

test('a page Chromium shrank to fit a block wider than the page is scaled down, on every page', async () => {
  const found = await proof('wide', `<p>${paragraph(30)}</p><div style="width: 320mm">A block wider than the page</div>`);
  assert.equal(kinds(found), ['faults/wide.pdf p. 1: scaled-down']);
  assert.match(found[0]!.detail, /^drawn at \d\d %$/);
});

test('a heading at the foot of a page, its paragraph on the next, is a stranded heading', async () => {
  const body = `${spacer(CONTENT_MM - 14)}<h2 style="break-after: auto">Notes</h2><p style="break-inside: avoid">${lines(6, 'Note')}</p>${filler}`;
  const found = await proof('stranded', body);
  assert.equal(kinds(found), ['faults/stranded.pdf p. 1: stranded-heading']);
  assert.is(found[0]!.detail, '"Notes"');
});

test('the last line of a paragraph carried alone to the next page is a lone line', async () => {
  // 11 pt at 1.4 is 5.43 mm a line: four lines fit under the spacer, the fifth goes over.
  const body = `${spacer(CONTENT_MM - 24)}<p style="widows: 1; orphans: 1">${lines(5, 'Carried')}</p>${filler}`;
  const found = await proof('widow', body);
  assert.equal(kinds(found), ['faults/widow.pdf p. 2: lone-line']);
  assert.is(found[0]!.detail, '"Carried line 5"');
});

test('the last row of a table carried alone to the next page is a lone row', async () => {
  const rows = Array.from({ length: 4 }, (_, i) => `<tr style="height: 12mm"><th>${2019 + i}</th><td>Event ${i + 1}</td></tr>`).join('');
  const body = `${spacer(CONTENT_MM - 40)}<table style="width: 100%"><tbody>${rows}</tbody></table>${filler}`;
  const found = await proof('lone-row', body);
  assert.equal(kinds(found), ['faults/lone-row.pdf p. 2: lone-row']);
  assert.is(found[0]!.detail, '"2022"');
});

test("a table's last row carried alone under its header repeated on the next page is a lone row: the repeat is an artifact", async () => {
  const rows = Array.from({ length: 4 }, (_, i) => `<tr style="height: 12mm"><th>${2019 + i}</th><td>Event ${i + 1}</td></tr>`).join('');
  const body = `${spacer(CONTENT_MM - 50)}<table style="width: 100%"><thead><tr><th>Year</th><th>Event</th></tr></thead><tbody>${rows}</tbody></table>${filler}`;
  const found = await proof('lone-row-head', body);
  assert.equal(kinds(found), ['faults/lone-row-head.pdf p. 2: lone-row']);
  assert.is(found[0]!.detail, '"2022"');
});

test('the last item of a list carried alone to the next page is a lone item', async () => {
  const items = Array.from({ length: 4 }, (_, i) => `<li style="height: 12mm">Related topic ${i + 1}</li>`).join('');
  const body = `${spacer(CONTENT_MM - 40)}<ul>${items}</ul>${filler}`;
  const found = await proof('lone-item', body);
  assert.equal(kinds(found), ['faults/lone-item.pdf p. 2: lone-item']);
  assert.is(found[0]!.detail, '"Related topic 4"');
});

test("a brief's last page holding one line is a short last page", async () => {
  const found = await proof('short', `${spacer(CONTENT_MM - 5)}<p>${paragraph(8)}</p><p>The last note</p>`);
  assert.equal(kinds(found), ['faults/short.pdf p. 2: short-last-page']);
  assert.match(found[0]!.detail, /^\d % of the page used$/);
});

test('a one-pager filled to half its height is more than a third empty', async () => {
  const found = await proof('half', `${spacer(CONTENT_MM / 2 - 10)}<p>${paragraph(20)}</p>`, true);
  assert.equal(kinds(found), ['faults/half.pdf p. 1: empty-one-pager']);
  assert.match(found[0]!.detail, /^(4|5)\d % of the page used$/);
});

test('a title broken after the hyphen of a short word is broken inside a word', async () => {
  const found = await proof('title', `<h1>Apprentices without A-<br>levels</h1><p>${paragraph(30)}</p>`, false);
  assert.equal(kinds(found), ['faults/title.pdf p. 1: broken-title']);
  assert.is(found[0]!.detail, '"Apprentices without A-" / "levels"');
});

test.run();
