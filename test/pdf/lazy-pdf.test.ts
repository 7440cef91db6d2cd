import puppeteer, { type Browser } from 'puppeteer';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PdfMetadata } from '../../src/contracts/document.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { openLazily } from '../../src/pdf/lazy-pdf.js';
import { readOutline } from '../../src/pdf/outline.js';
import { pdfLib } from '../../src/pdf/pdf-lib.js';
import { postProcessPdf } from '../../src/pdf/post-process.js';

const META: PdfMetadata = {
  title: 'Lazy',
  author: 'Desk',
  subject: 'A test',
  keywords: ['k'],
  creator: 'briefing-press',
  producer: 'briefing-press',
  language: 'en-GB',
  date: new Date('2023-08-24T00:00:00Z'),
};

let browser: Browser;
let printed: Uint8Array;
test.before(async () => {
  const found = findBrowser();
  browser = await puppeteer.launch({ executablePath: found.path, headless: found.headless, args: ['--no-sandbox'], pipe: true });
  const page = await browser.newPage();
  const section = (n: number) => `<h1>Part ${n}</h1>${'<p>Words in a tagged paragraph, <em>some</em> of them <a href="#p1">linked</a>.</p>'.repeat(40)}`;
  await page.setContent(`<html lang="en-GB"><title>T</title><body>${[1, 2, 3].map(section).join('')}<p id="p1">End</p></body></html>`);
  const chromium = await page.pdf({ format: 'A4', tagged: true, outline: true });
  // As the tool writes it: Chromium's file with the document information appended as an update.
  printed = (await postProcessPdf(chromium, META)).bytes;
});
test.after(async () => {
  await browser.close();
});

const load = (bytes: Uint8Array) => pdfLib.PDFDocument.load(bytes, { updateMetadata: false });

test('a printed PDF opens lazily with its pages and bookmarks, as a full load sees them', async () => {
  const lazy = openLazily(printed);
  assert.ok(lazy, 'the shape Chromium and the post-processing write is read');
  const full = await load(printed);
  assert.ok(full.getPageCount() >= 3);
  assert.is(lazy.getPageCount(), full.getPageCount());
  assert.equal(readOutline(lazy), readOutline(full));
});

test('pages copied from it make the same file as pages copied from a full load, parsing less', async () => {
  const copyAll = async (source: import('pdf-lib').PDFDocument) => {
    const out = await pdfLib.PDFDocument.create({ updateMetadata: false });
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
    return out.save({ useObjectStreams: false });
  };
  const lazy = openLazily(printed)!;
  const full = await load(printed);
  assert.equal(Buffer.from(await copyAll(lazy)), Buffer.from(await copyAll(full)));
  const parsed = (lazy.context as unknown as { indirectObjects: Map<unknown, unknown> }).indirectObjects.size;
  const all = full.context.enumerateIndirectObjects().length;
  const structure = full.context.enumerateIndirectObjects().filter(([, o]) => o instanceof pdfLib.PDFDict && o.get(pdfLib.PDFName.of('Type')) === pdfLib.PDFName.of('StructElem')).length;
  assert.ok(structure > 50, `a tagged file: ${structure} structure elements`);
  assert.ok(parsed <= all - structure, `parsed ${parsed} of ${all} objects, ${structure} of them structure`);
});

test('a file of another shape is left to the full load', async () => {
  // pdf-lib's own save writes a cross-reference stream, not a table.
  const resaved = await (await load(printed)).save({ useObjectStreams: true });
  assert.is(openLazily(resaved), undefined);
  assert.is(openLazily(new TextEncoder().encode('not a PDF')), undefined);
});

test.run();
