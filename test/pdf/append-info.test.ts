import { PDFDocument } from 'pdf-lib';
import puppeteer, { type Browser } from 'puppeteer';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PdfMetadata } from '../../src/contracts/document.js';
import { appendDocumentInfo, normaliseStructureIds, pdfDate, pdfString } from '../../src/pdf/append-info.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { postProcessPdf } from '../../src/pdf/post-process.js';

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

let browser: Browser;
test.before(async () => {
  const found = findBrowser();
  browser = await puppeteer.launch({ executablePath: found.path, headless: found.headless, args: ['--no-sandbox'] });
});
test.after(async () => {
  await browser.close();
});

/** A PDF as Chromium prints it, stamped with the time of printing. */
async function chromiumPdf(): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent('<html lang="en-GB"><title>T</title><h1>Heading</h1><p>Text</p>');
    return await page.pdf({ format: 'A4', tagged: true, outline: true });
  } finally {
    await page.close();
  }
}

/** The PDF with its date strings set to another time: what a print one second later looks like. */
function printedAt(pdf: Uint8Array, stamp: string): Uint8Array {
  return Buffer.from(Buffer.from(pdf).toString('latin1').replace(/\(D:\d{14}/g, `(D:${stamp}`), 'latin1');
}

test('PDF strings: printable ASCII stays literal with escapes; anything else is UTF-16BE', () => {
  assert.is(pdfString('a (b) \\ c'), '(a \\(b\\) \\\\ c)');
  assert.is(pdfString('启明'), '<FEFF542F660E>');
  assert.is(pdfDate(new Date('2023-08-24T05:06:07Z')), "D:20230824050607+00'00'");
});

test('metadata is appended as an update that any reader sees, and the time of printing is replaced', async () => {
  const finished = appendDocumentInfo(printedAt(await chromiumPdf(), '20261126183133'), META);
  assert.ok(finished, 'the fast path applies to what Chromium writes');
  assert.is(finished.pages, 1);
  const pdf = await PDFDocument.load(finished.bytes, { updateMetadata: false });
  assert.is(pdf.getTitle(), 'Qiming (启明): brief');
  assert.is(pdf.getAuthor(), 'Research desk');
  assert.is(pdf.getKeywords(), 'talent, chips');
  assert.equal(pdf.getCreationDate(), META.date);
  assert.not.ok(Buffer.from(finished.bytes).toString('latin1').includes('D:20261126'), 'no trace of the time of printing');
});

test('two prints made at different times come out byte-identical', async () => {
  const printed = await chromiumPdf();
  const a = appendDocumentInfo(printedAt(printed, '20261126183133'), META);
  const b = appendDocumentInfo(printedAt(printed, '20270102030405'), META);
  assert.ok(a && b);
  assert.ok(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes)) === 0);
});

test('a PDF of another shape (cross-reference stream) falls back to the full rewrite with the same result', async () => {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage();
  pdf.addPage();
  const streamed = await pdf.save({ useObjectStreams: true });
  assert.is(appendDocumentInfo(streamed, META), undefined);
  const finished = await postProcessPdf(streamed, META);
  assert.is(finished.pages, 2);
  const back = await PDFDocument.load(finished.bytes, { updateMetadata: false });
  assert.is(back.getTitle(), META.title);
  assert.equal(back.getModificationDate(), META.date);
});

test('table-header ids taken from DOM node numbers are renumbered in order, references kept', () => {
  const first = Buffer.from('<</S /TH /ID (node00003297)>> <</S /TD /Headers [(node00003297) (node00003301)]>> <</ID (node00003301)>>', 'latin1');
  const later = Buffer.from('<</S /TH /ID (node00002165)>> <</S /TD /Headers [(node00002165) (node00002170)]>> <</ID (node00002170)>>', 'latin1');
  const expected = '<</S /TH /ID (node00000001)>> <</S /TD /Headers [(node00000001) (node00000002)]>> <</ID (node00000002)>>';
  assert.is(Buffer.from(normaliseStructureIds(first)).toString('latin1'), expected);
  assert.is(Buffer.from(normaliseStructureIds(later)).toString('latin1'), expected);
});

test.run();
