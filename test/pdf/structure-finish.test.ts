// Lists, tables and words as PDF/UA-1 wants them (issue 19), each edit of the finishing read back
// out of a small document printed by Chromium: the structure tree with pdf-lib, the text of the
// content streams as they hold it (no space inferred from positions), the bookmarks with pdf.js.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Printer } from '../../src/browser/types.js';
import { taggedText } from '../helpers/content-text.js';
import { bookmarks, elements, structTrees, textOf, withPdfJs } from '../helpers/read-pdf.js';
import { openPrinter, testDocument, testSkeleton } from '../helpers/skeleton-fixture.js';
import { checkAccessibility, formatResults } from '../helpers/ua-checks.js';
import { readTagged, type Tagged } from '../helpers/ua-structure.js';

const ROWS = Array.from({ length: 70 }, (_, i) => `<tr><td>Row ${i + 1}</td><td>${(i + 1) * 10} thousand</td></tr>`).join('');
const SENTENCE = 'Recruiters for state-backed programmes take an approach to engineers that offers housing, research funds and signing bonuses.';
const HEADING = 'Programmes run by Chinese chip companies';
const CHINESE = '启明计划是工业和信息化部主管的海外人才引进项目';
const URL_TEXT = 'https://www.example.org/reports/recruitment-and-incentives-2023';

const BODY = `<main>
<h1 style="width: 9em">${HEADING}</h1>
<p class="wrapped" style="width: 14em">${SENTENCE}</p>
<p class="zh" lang="zh" style="width: 6em">${CHINESE}</p>
<p style="width: 9em; overflow-wrap: anywhere">${URL_TEXT}</p>
<ul><li>A plain item</li><li>An item with <a href="#end">a link</a> inside</li></ul>
<ul style="list-style: square inside"><li>An item with its marker inside</li></ul>
<ul style="list-style: none"><li>An item with no marker</li></ul>
<table><thead><tr><th scope="col">Programme</th><th scope="col">Amount</th></tr></thead><tbody>${ROWS}</tbody></table>
<p id="end">The end.</p>
</main>`;

const context = { printer: undefined as unknown as Printer, close: async () => {}, dir: '', file: '', bytes: new Uint8Array() as Uint8Array };
const finishing = suite('lists, tables and words, finished as PDF/UA-1 wants them', context);

finishing.before(async (ctx) => {
  ctx.dir = await mkdtemp(path.join(os.tmpdir(), 'brief-structure-test-'));
  const opened = await openPrinter(testSkeleton(), { concurrency: 1 });
  ctx.printer = opened.printer;
  ctx.close = opened.close;
  ctx.bytes = (await ctx.printer.print(testDocument('programmes/qiming/brief', BODY))).bytes;
  ctx.file = path.join(ctx.dir, 'finished.pdf');
  await writeFile(ctx.file, ctx.bytes);
});

finishing.after(async (ctx) => {
  await ctx.close();
  await rm(ctx.dir, { recursive: true, force: true });
});

async function tagged(file: string): Promise<Tagged[]> {
  const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  return readTagged(pdf, pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict));
}

finishing('every list item holds a label and a body: [Lbl, LBody], or [LBody] where no marker is drawn (veraPDF 7.2-20)', async (ctx) => {
  const items = (await tagged(ctx.file)).filter((e) => e.type === 'LI');
  assert.equal(
    items.map((item) => item.kids.map((kid) => kid.type)),
    [['Lbl', 'LBody'], ['Lbl', 'LBody'], ['Lbl', 'LBody'], ['LBody']],
  );
  // The body of the item with a link holds its text and the Link, each with the LBody for parent.
  const withLink = items[1]!.kids[1]!;
  assert.equal(
    withLink.kids.map((kid) => kid.type),
    ['NonStruct', 'Link', 'NonStruct'],
  );
  assert.ok(withLink.kids.every((kid) => kid.dict.lookup(PDFName.of('P')) === withLink.dict));
  assert.ok(withLink.dict.lookup(PDFName.of('P')) === items[1]!.dict);
  assert.ok(items.every((item) => item.parent?.type === 'L'), 'every LI is in an L (7.2-17)');
});

finishing('the marker drawn inside an item is its Lbl, and the parent tree says so: pdf.js reads the item as "Lbl, LBody"', async (ctx) => {
  const trees = await structTrees(ctx.file);
  const items = trees.flatMap(elements).filter((e) => e.role === 'LI');
  const inside = items.find((item) => textOf(item).includes('marker inside'))!;
  assert.equal(
    inside.children.map((kid) => kid.role),
    ['Lbl', 'LBody'],
  );
  assert.is(textOf(inside.children[1]!), 'An item with its marker inside');
});

finishing('the header row Chromium repeats on page 2 is an artifact: the table reads "Programme" and "Amount" once', async (ctx) => {
  const trees = await structTrees(ctx.file);
  assert.ok(trees.length >= 2, 'the table runs onto page 2');
  const headers = trees.flatMap(elements).filter((e) => e.role === 'TH');
  assert.equal(
    headers.map((th) => textOf(th).trim()),
    ['Programme', 'Amount'],
  );
  const page2 = await withPdfJs(ctx.file, async (doc) => {
    const content = await (await doc.getPage(2)).getTextContent({ includeMarkedContent: true });
    let artifact = 0;
    const inArtifact: string[] = [];
    for (const item of content.items as Array<{ type?: string; tag?: string; str?: string }>) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') artifact += item.tag === 'Artifact' ? 1 : 0;
      if (item.type === 'endMarkedContent') artifact = Math.max(0, artifact - 1);
      if (artifact > 0 && item.str) inArtifact.push(item.str);
    }
    return inArtifact.join('');
  });
  assert.is(page2, 'Programme Amount', 'what page 2 draws as an artifact: the repeated header row');
  const results = await checkAccessibility(ctx.file);
  assert.ok(results.find((r) => r.rule.startsWith('14.8.2.2.2'))?.ok, 'no TH on two pages');
});

finishing('the text stream holds a space at each soft line wrap: the wrapped paragraph reads "take an approach" as printed', async (ctx) => {
  const texts = [...taggedText(await PDFDocument.load(await readFile(ctx.file), { updateMetadata: false })).values()];
  assert.ok(texts.includes(SENTENCE), texts.find((t) => t.startsWith('Recruiters')));
  assert.ok(texts.includes(HEADING), texts.find((t) => t.startsWith('Programmes')));
});

finishing('no space is put between Chinese characters where a line wraps, nor inside a URL broken where it had none', async (ctx) => {
  const texts = [...taggedText(await PDFDocument.load(await readFile(ctx.file), { updateMetadata: false })).values()];
  assert.ok(texts.includes(CHINESE), texts.find((t) => t.startsWith('启明')));
  assert.ok(texts.includes(URL_TEXT), texts.find((t) => t.startsWith('https')));
});

finishing('the bookmark of a wrapped heading reads "Programmes run by Chinese chip companies"', async (ctx) => {
  assert.equal(
    (await bookmarks(ctx.file)).map((b) => b.title),
    [HEADING],
  );
});

finishing('the finished file meets every rule of the checker, and the same document gives the same bytes', async (ctx) => {
  const results = await checkAccessibility(ctx.file);
  assert.ok(results.every((r) => r.ok), formatResults(results.filter((r) => !r.ok)));
  const again = (await ctx.printer.print(testDocument('programmes/qiming/brief', BODY))).bytes;
  const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  assert.is(hash(again), hash(ctx.bytes));
});

finishing.run();
