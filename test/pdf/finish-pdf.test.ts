import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DocumentAttachment, PdfMetadata } from '../../src/contracts/document.js';
import { finishPdf } from '../../src/pdf/finish-pdf.js';
import { PDF_WORDS } from '../helpers/skeleton-fixture.js';
import type { Printer } from '../../src/browser/types.js';
import { detach, detachList, elements, linkTargets, structTrees, textOf, withPdfJs, xrefErrors } from '../helpers/read-pdf.js';
import { openPrinter, pdfInfo, testDocument, testSkeleton } from '../helpers/skeleton-fixture.js';
import { checkAccessibility, formatResults } from '../helpers/ua-checks.js';

const FACTS: DocumentAttachment = {
  name: 'facts.json',
  mimeType: 'application/json',
  description: 'The claims this document cites',
  relationship: 'Data',
  content: '{\n  "claims": [\n    { "id": "qiming-name", "statement": "Qiming is written 启明." }\n  ]\n}\n',
};

/** A page with what PDF/UA asks about: a running header, a foreign name, links, a table, a chart. */
const BODY = `<main><h1>Programme qiming</h1>
<p>Qiming (<span lang="zh">启明</span>) is run by the ministry (工业和信息化部).<a href="#note-1"><sup>1</sup></a></p>
<table><tr><th scope="row">Sponsor</th><td>MIIT</td></tr></table>
<div class="chart"><svg role="img" aria-label="Bar chart of 2 incentives: signing bonus, $420k-$700k; housing, $30k." width="200" height="40"><rect width="120" height="10" fill="#000"/><text x="0" y="30">label</text></svg></div>
<div style="border-top: 1pt solid #999; height: 4mm"></div>
<h2>Notes</h2><ol><li id="note-1">Reuters, 24 August 2023. <a href="https://www.reuters.com/">reuters.com</a></li></ol></main>`;
const PAGE_CSS = '@page { size: A4; margin: 20mm 18mm; @top-left { content: "Running head"; } @bottom-center { content: "Page " counter(page); } }';

const context = { printer: undefined as unknown as Printer, close: async () => {}, dir: '', file: '' };
const finishing = suite('a printed document, finished', context);

finishing.before(async (ctx) => {
  ctx.dir = await mkdtemp(path.join(os.tmpdir(), 'brief-finish-test-'));
  const opened = await openPrinter(testSkeleton(), { concurrency: 1 });
  ctx.printer = opened.printer;
  ctx.close = opened.close;
  const printed = await ctx.printer.print(testDocument('programmes/qiming/brief', BODY, { pageCss: PAGE_CSS, attachments: [FACTS] }));
  ctx.file = path.join(ctx.dir, 'finished.pdf');
  await writeFile(ctx.file, printed.bytes);
});

finishing.after(async (ctx) => {
  await ctx.close();
  await rm(ctx.dir, { recursive: true, force: true });
});

finishing('it identifies itself as PDF/UA-1, with XMP metadata in step with the document information', (ctx) => {
  const info = pdfInfo(ctx.file);
  assert.is(info['PDF version'], '1.7');
  assert.is(info['Metadata Stream'], 'yes');
  assert.is(info.Tagged, 'yes');
  assert.is(info.Title, 'Test document programmes/qiming/brief');
  const xmp = execFileSync('pdfinfo', ['-meta', ctx.file], { encoding: 'utf8' });
  assert.match(xmp, '<pdfuaid:part>1</pdfuaid:part>');
  assert.match(xmp, '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Test document programmes/qiming/brief</rdf:li></rdf:Alt></dc:title>');
  assert.match(xmp, '<dc:creator><rdf:Seq><rdf:li>Research Security Office</rdf:li></rdf:Seq></dc:creator>');
  assert.match(xmp, '<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>');
  assert.match(xmp, '<xmp:CreateDate>2023-08-24T00:00:00Z</xmp:CreateDate>');
});

finishing('every machine-checkable rule of PDF/UA-1 holds', async (ctx) => {
  const results = await checkAccessibility(ctx.file);
  assert.ok(results.every((r) => r.ok), formatResults(results));
});

finishing('the running header is an artifact, not content: it is outside the structure tree', async (ctx) => {
  const text = await withPdfJs(ctx.file, async (doc) => {
    const content = await (await doc.getPage(1)).getTextContent({ includeMarkedContent: true });
    const inArtifact: string[] = [];
    let depth = 0;
    for (const item of content.items as Array<{ type?: string; tag?: string; str?: string }>) {
      if (item.type === 'beginMarkedContent' && item.tag === 'Artifact') depth++;
      else if (item.type === 'endMarkedContent' && depth > 0) depth--;
      else if (depth > 0 && item.str) inArtifact.push(item.str);
    }
    return inArtifact.join('');
  });
  assert.match(text, 'Running head');
  assert.match(text, 'Page 1');
  const tree = (await structTrees(ctx.file))[0]!;
  assert.not.match(textOf(tree), 'Running head');
  assert.match(textOf(tree), 'Programme qiming');
});

finishing('a foreign name, marked or not, is a Span in its language; the chart is one Figure with its alternative text', async (ctx) => {
  const all = elements((await structTrees(ctx.file))[0]!);
  const spans = all.filter((e) => e.role === 'Span').map((e) => [e.lang, textOf(e)]);
  assert.equal(spans, [
    ['zh', '启明'],
    ['zh', '工业和信息化部'],
  ]);
  const figures = all.filter((e) => e.role === 'Figure').map((e) => e.alt);
  assert.equal(figures, ['Bar chart of 2 incentives: signing bonus, $420k-$700k; housing, $30k.']);
});

finishing('links are described: a note by its number, a web link by its address', async (ctx) => {
  const links = await linkTargets(ctx.file);
  assert.equal(
    links.map((l) => l.contents),
    ['Note 1', 'https://www.reuters.com/'],
  );
  assert.is(links[0]!.target, 1);
});

finishing('facts.json travels with it: pdfdetach lists and extracts it as it was given', async (ctx) => {
  assert.equal(detachList(ctx.file), ['facts.json']);
  const out = path.join(ctx.dir, 'facts.json');
  detach(ctx.file, 1, out);
  assert.is(await readFile(out, 'utf8'), FACTS.content);
});

finishing('its cross-reference table is exact', async (ctx) => {
  assert.equal(xrefErrors(await readFile(ctx.file)), []);
});

const META: PdfMetadata = {
  title: 'Qiming (启明): brief',
  author: 'Research desk',
  subject: 'A test',
  keywords: ['talent', 'chips'],
  creator: 'briefing-press 0.1.0',
  producer: 'briefing-press 0.1.0',
  language: 'en-GB',
  date: new Date('2023-08-24T00:00:00Z'),
};

/** The PDF with its date strings set to another time: what a print one second later looks like. */
function printedAt(pdf: Uint8Array, stamp: string): Uint8Array {
  return Buffer.from(Buffer.from(pdf).toString('latin1').replace(/\(D:\d{14}/g, `(D:${stamp}`), 'latin1');
}

finishing('two prints made at different times come out byte-identical', async (ctx) => {
  const raw = await ctx.printer.print(testDocument('programmes/qiming/brief', BODY, { pageCss: PAGE_CSS }));
  // What Chromium wrote is gone after post-processing; a raw print stands in with its own dates.
  const chromium = await rawPrint(BODY);
  const a = await finishPdf(printedAt(chromium, '20261126183133'), { metadata: META, attachments: [FACTS], pdfWords: PDF_WORDS });
  const b = await finishPdf(printedAt(chromium, '20270102030405'), { metadata: META, attachments: [FACTS], pdfWords: PDF_WORDS });
  assert.ok(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes)) === 0);
  assert.not.ok(Buffer.from(a.bytes).toString('latin1').includes('D:2026'), 'no trace of the time of printing');
  assert.ok(raw.pages >= 1);
});

finishing('a PDF of another shape (a cross-reference stream) is finished all the same', async () => {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage();
  pdf.addPage();
  const finished = await finishPdf(await pdf.save({ useObjectStreams: true }), { metadata: META, attachments: [FACTS], pdfWords: PDF_WORDS });
  assert.is(finished.pages, 2);
  const back = await PDFDocument.load(finished.bytes, { updateMetadata: false });
  assert.is(back.getTitle(), META.title);
  assert.equal(back.getModificationDate(), META.date);
  assert.equal(xrefErrors(finished.bytes), []);
});

/** Chromium's own bytes for a body, printed on a page of its own. */
async function rawPrint(body: string): Promise<Uint8Array> {
  const { launchBrowser } = await import('../helpers/launch-browser.js');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(`<html lang="en-GB"><title>T</title><style>${PAGE_CSS}</style><body>${body}</body></html>`);
    return await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

finishing.run();
