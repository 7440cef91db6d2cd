import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FitError } from '../../src/errors.js';
import type { Printer, PrintedPdf } from '../../src/browser/types.js';
import {
  FIXED_DATE,
  ONE_PAGER_FIT,
  openPrinter,
  paragraph,
  pdfFonts,
  pdfInfo,
  pdfText,
  testDocument,
  testSkeleton,
  threePageBody,
} from '../helpers/skeleton-fixture.js';

const context = { printer: undefined as unknown as Printer, close: async () => {}, dir: '' };
const printing = suite('printing a document to PDF', context);

printing.before(async (ctx) => {
  ctx.dir = await mkdtemp(path.join(os.tmpdir(), 'brief-pdf-test-'));
  const opened = await openPrinter(testSkeleton(), { concurrency: 2 });
  ctx.printer = opened.printer;
  ctx.close = opened.close;
});

printing.after(async (ctx) => {
  await ctx.close();
  await rm(ctx.dir, { recursive: true, force: true });
});

async function saved(ctx: typeof context, name: string, printed: PrintedPdf): Promise<string> {
  const file = path.join(ctx.dir, `${name}.pdf`);
  await writeFile(file, printed.bytes);
  return file;
}

/** A one-pager body of `paragraphs` paragraphs of 100 words, ending in a marker line. */
function oneTextPager(paragraphs: number): string {
  return `<main class="sheet"><h1>Fact sheet</h1>${Array.from({ length: paragraphs }, () => `<p>${paragraph(100)}</p>`).join('')}<p>END-OF-SHEET</p></main>`;
}

printing('a three-page brief comes out with its text, Chinese names, page count, metadata and language', async (ctx) => {
  const printed = await ctx.printer.print(testDocument('programmes/qiming/brief', threePageBody()));
  const file = await saved(ctx, 'brief', printed);
  const text = pdfText(file);
  assert.match(text, 'Programme qiming');
  assert.match(text, '启明', 'Chinese characters are text, not drawings');
  assert.match(text, '工业和信息化部');
  const info = pdfInfo(file);
  assert.is(Number(info.Pages), printed.pages);
  assert.ok(printed.pages >= 3 && printed.pages <= 4, `pages: ${printed.pages}`);
  assert.is(info.Title, 'Test document programmes/qiming/brief');
  assert.is(info.Author, 'Research Security Office');
  assert.is(info.Creator, 'briefing-press 0.1.0');
  assert.is(info.Producer, 'briefing-press 0.1.0 (Chromium, pdf-lib)');
  assert.is(info.Subject, 'A document printed by the tests');
  assert.is(info.Tagged, 'yes');
  assert.match(info.CreationDate ?? '', 'Aug 24 00:00:00 2023');
  assert.match(info['Page size'] ?? '', 'A4');
  const pdf = await PDFDocument.load(printed.bytes, { updateMetadata: false });
  assert.is(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(), 'en-GB');
  assert.equal(pdf.getModificationDate(), FIXED_DATE);
});

printing('bookmarks follow the headings: the h1, with each h2 below it on the page it starts', async (ctx) => {
  const printed = await ctx.printer.print(testDocument('programmes/qiming/brief', threePageBody()));
  const file = await saved(ctx, 'outline', printed);
  // Read back by pdf.js, a reader of its own.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ url: file, useSystemFonts: false, verbosity: 0 }).promise;
  const outline = await doc.getOutline();
  assert.equal(outline.map((item) => item.title), ['Programme qiming']);
  const [top] = outline;
  const pageOf = async (item: { dest: unknown }) => doc.getPageIndex((item.dest as [never])[0]);
  assert.is(await pageOf(top!), 0);
  assert.equal(
    top!.items.map((item) => item.title),
    ['Bottom line', 'Incentives', 'Recruitment channels', 'What is not known'],
  );
  const starts = await Promise.all(top!.items.map(pageOf));
  assert.ok(starts.every((page, i) => page >= 0 && page >= (starts[i - 1] ?? 0)), `pages ${starts}`);
  assert.ok((starts.at(-1) ?? 0) >= 2, 'the last section starts on a later page');
  await doc.destroy();
});

printing('every font is embedded, and Chinese text is set in the bundled Noto Sans SC', async (ctx) => {
  const file = await saved(ctx, 'fonts', await ctx.printer.print(testDocument('programmes/qiming/brief', threePageBody())));
  const fonts = pdfFonts(file);
  assert.ok(fonts.length > 0);
  assert.ok(fonts.every((font) => font.embedded), JSON.stringify(fonts));
  assert.ok(fonts.every((font) => !font.type.includes('Type 3')), 'no Type 3 fallbacks');
  assert.ok(fonts.some((font) => /NotoSansSC/.test(font.name)), JSON.stringify(fonts));
  assert.ok(fonts.some((font) => /NotoSans-Regular/.test(font.name)), JSON.stringify(fonts));
});

printing('a Chinese name first seen after Latin-only documents on a warm page still gets its font', async (ctx) => {
  const opened = ctx.printer.stats().pagesOpened;
  await ctx.printer.print(testDocument('topics/latin/brief', '<p>Only Latin text here.</p>'));
  // 鲲鹏 (Kunpeng) and 湖州 (Huzhou) appear in no earlier document: their font slices load now.
  const printed = await ctx.printer.print(testDocument('topics/kunpeng/brief', '<p>Kunpeng (<span class="zh">鲲鹏计划</span>) in <span class="zh">湖州</span></p>'));
  assert.is(ctx.printer.stats().pagesOpened, opened, 'printed on pages already warm');
  const file = await saved(ctx, 'warm-cjk', printed);
  assert.match(pdfText(file), '鲲鹏计划');
  assert.ok(pdfFonts(file).some((font) => /NotoSansSC/.test(font.name) && font.embedded), JSON.stringify(pdfFonts(file)));
});

printing('two prints of the same document are byte-identical; another document gets another /ID', async (ctx) => {
  const doc = testDocument('programmes/qiming/brief', threePageBody());
  const [first, second] = await Promise.all([ctx.printer.print(doc), ctx.printer.print(doc)]);
  assert.ok(Buffer.from(first.bytes).equals(Buffer.from(second.bytes)), 'same bytes');
  const other = await ctx.printer.print(testDocument('programmes/kunpeng/brief', threePageBody('kunpeng')));
  const id = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').match(/\/ID \[ ?<([0-9A-F]{32})>/)?.[1];
  assert.ok(id(first.bytes), 'a trailer /ID is written');
  assert.is.not(id(first.bytes), id(other.bytes));
});

printing('a one-pager that fits at its base size is printed at that size', async (ctx) => {
  const printed = await ctx.printer.print(testDocument('programmes/short/one-pager', oneTextPager(2), { fit: ONE_PAGER_FIT }));
  assert.is(printed.pages, 1);
  assert.is(printed.fittedFontPt, undefined);
});

printing('a one-pager overflowing at its base size is fitted onto one page, at the largest size that fits, with nothing cut', async (ctx) => {
  const body = oneTextPager(7);
  const unfitted = await ctx.printer.print(testDocument('programmes/long/brief', body));
  assert.ok(unfitted.pages > 1, `overflows at the base size: ${unfitted.pages} pages`);
  const printed = await ctx.printer.print(testDocument('programmes/long/one-pager', body, { fit: ONE_PAGER_FIT }));
  assert.is(printed.pages, 1);
  const size = printed.fittedFontPt ?? Number.NaN;
  assert.ok(size < ONE_PAGER_FIT.baseFontPt && size >= ONE_PAGER_FIT.minFontPt, `fitted at ${size}`);
  const text = pdfText(await saved(ctx, 'fitted', printed));
  assert.match(text, 'Fact sheet');
  assert.match(text, 'END-OF-SHEET', 'the end of the content is on the page');
  const again = await ctx.printer.print(testDocument('programmes/long/brief', body));
  assert.is(again.pages, unfitted.pages, 'the next document on the page is back at the base size');
  // One step larger does not fit: the fit did not shrink further than it had to.
  const larger = size + ONE_PAGER_FIT.stepPt;
  const strict = { ...ONE_PAGER_FIT, baseFontPt: larger, minFontPt: larger };
  try {
    await ctx.printer.print(testDocument('programmes/long/one-pager', body, { fit: strict }));
    assert.unreachable(`${larger}pt should not fit`);
  } catch (error) {
    assert.instance(error, FitError);
  }
});

printing('a block marked data-fit-late stays where the type shrinks to fit; the other optional blocks go first (issue 22)', async (ctx) => {
  const sheet = (late: string) =>
    `<main class="sheet"><h1>Fact sheet</h1><p data-fit-drop="5"${late}>CHANGE-LINE since the last edition</p>${Array.from({ length: 7 }, () => `<p>${paragraph(100)}</p>`).join('')}<p data-fit-drop="1">OPTIONAL-BLOCK ${paragraph(20)}</p><p>END-OF-SHEET</p></main>`;
  const kept = await ctx.printer.print(testDocument('programmes/late/one-pager', sheet(' data-fit-late'), { fit: ONE_PAGER_FIT }));
  assert.is(kept.pages, 1);
  assert.ok((kept.fittedFontPt ?? Infinity) < ONE_PAGER_FIT.baseFontPt, 'the type shrank');
  const text = pdfText(await saved(ctx, 'late', kept));
  assert.match(text, 'CHANGE-LINE');
  assert.not.match(text, 'OPTIONAL-BLOCK');
  assert.match(text, 'END-OF-SHEET');
  // Without the mark, the same block goes before the type shrinks.
  const dropped = pdfText(await saved(ctx, 'early', await ctx.printer.print(testDocument('programmes/early/one-pager', sheet(''), { fit: ONE_PAGER_FIT }))));
  assert.not.match(dropped, 'CHANGE-LINE');
  assert.match(dropped, 'END-OF-SHEET');
});

printing('a one-pager that cannot fit at the minimum size fails with a FitError naming it and what is left over', async (ctx) => {
  try {
    await ctx.printer.print(testDocument('programmes/overflow/one-pager', oneTextPager(30), { fit: ONE_PAGER_FIT }));
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, FitError);
    assert.match(
      (error as Error).message,
      /^programmes\/overflow\/one-pager does not fit on one page: \d+\.\d mm \/ \d+ % left over at 7pt$/,
    );
  }
  // The page is still good for the next document.
  const next = await ctx.printer.print(testDocument('programmes/after/one-pager', oneTextPager(1), { fit: ONE_PAGER_FIT }));
  assert.is(next.fittedFontPt, undefined, 'the shrunken size of a failed fit does not leak into the next document');
});

printing('a page box declared with --page-content-height is the one the fit measures against', async (ctx) => {
  const body = oneTextPager(2);
  const halfPage = ':root { --page-content-width: 174mm; --page-content-height: 60mm; } @page { size: A4; margin: 20mm 18mm; }';
  const printed = await ctx.printer.print(testDocument('programmes/boxed/one-pager', body, { fit: ONE_PAGER_FIT, pageCss: halfPage }));
  assert.is(printed.pages, 1);
  assert.ok((printed.fittedFontPt ?? ONE_PAGER_FIT.baseFontPt) < ONE_PAGER_FIT.baseFontPt, 'shrunk to fit the declared 60 mm');
});

printing('hostile content is inert: remote and out-of-tree requests are blocked and reported, scripts do not run', async (ctx) => {
  const body = `<p>Visible text</p>
<img src="http://example.com/tracker.png" alt="">
<img src="file:///etc/passwd" alt="">
<img src="data:," onerror="document.body.textContent = 'HANDLER RAN'">
<script>document.body.textContent = 'SCRIPT RAN'</script>
<iframe srcdoc="<p>frame</p><script>document.write('FRAME SCRIPT RAN')</script>"></iframe>
<p style="background: url('https://example.com/bg.png')">styled</p>`;
  const printed = await ctx.printer.print(testDocument('programmes/hostile/brief', body));
  const text = pdfText(await saved(ctx, 'hostile', printed));
  assert.match(text, 'Visible text');
  assert.not.match(text, 'RAN');
  assert.ok(printed.blockedRequests.includes('http://example.com/tracker.png'), printed.blockedRequests.join());
  assert.ok(printed.blockedRequests.includes('file:///etc/passwd'), printed.blockedRequests.join());
  assert.ok(printed.blockedRequests.includes('https://example.com/bg.png'), printed.blockedRequests.join());
  const clean = await ctx.printer.print(testDocument('programmes/clean/brief', '<p>clean</p>'));
  assert.equal(clean.blockedRequests, [], 'each document reports only its own requests');
});

printing.run();

const warming = suite('warming up a printer');

warming('warmUp() opens a page per slot with the skeleton loaded, and the first documents print on them', async () => {
  const { printer, session, close } = await openPrinter(testSkeleton(), { concurrency: 2 });
  try {
    await printer.warmUp();
    assert.is(session.launches, 1);
    assert.is(printer.stats().pagesOpened, 2, 'both pages are open before any document');
    const printed = await Promise.all(['a', 'b', 'c'].map((id) => printer.print(testDocument(`topics/${id}/brief`, `<p>Document ${id}</p>`))));
    assert.ok(printed.every((p) => p.pages === 1));
    assert.is(printer.stats().pagesOpened, 2, 'no page was opened beside them');
  } finally {
    await close();
  }
});

warming.run();
