// A small print skeleton and synthetic documents, standing in for the real templates in the PDF tests.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfWords, RenderedDocument, Skeleton } from '../../src/contracts/document.js';
import type { FitPolicy } from '../../src/contracts/layouts.js';
import { BrowserSession, type SessionOptions } from '../../src/browser/browser-session.js';
import type { Printer } from '../../src/browser/types.js';
import { finishPdf } from '../../src/pdf/index.js';

const require = createRequire(import.meta.url);
const fontCss = (pkg: string, file: string) =>
  pathToFileURL(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file)).href;

/** A full HTML document with an empty body and the bundled fonts referenced as file:// URLs. */
export function testSkeleton(paper: Skeleton['paper'] = 'a4'): Skeleton {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title></title>
<link rel="stylesheet" href="${fontCss('@fontsource/noto-sans', '400.css')}">
<link rel="stylesheet" href="${fontCss('@fontsource/noto-sans', '700.css')}">
<link rel="stylesheet" href="${fontCss('@fontsource/noto-sans-sc', '400.css')}">
<style>
  html { font-family: 'Noto Sans', 'Noto Sans SC', sans-serif; }
  body { margin: 0; font-size: var(--fit-font-pt, 11pt); line-height: 1.4; }
  h1 { font-size: 1.8em; margin: 0 0 0.4em; }
  h2 { font-size: 1.3em; margin: 0.8em 0 0.3em; }
  p { margin: 0 0 0.6em; }
  .zh { font-family: 'Noto Sans SC', sans-serif; }
</style>
<style id="page-css"></style>
</head><body></body></html>`;
  return { html, paper };
}

export const FIXED_DATE = new Date('2023-08-24T00:00:00Z');

const LOREM =
  'Recruiters for state-backed programmes approach engineers with offers of housing, research funds and signing bonuses, ' +
  'and the programmes themselves keep a low public profile after foreign scrutiny. ';

/** A paragraph of about `words` words. */
export function paragraph(words: number): string {
  const base = LOREM.split(' ').filter(Boolean);
  return Array.from({ length: words }, (_, i) => base[i % base.length]).join(' ');
}

/** The words finishing writes into a PDF, as the bundled English labels give them. */
export const PDF_WORDS: PdfWords = { noteLink: 'Note {number}', placeLink: 'Go to {place}', pageLink: 'Go to a place in this document', link: 'Link' };

export function testDocument(key: string, body: string, extra: Partial<RenderedDocument> = {}): RenderedDocument {
  return {
    key,
    spec: {
      key,
      subject: { kind: 'programme', id: key.split('/')[1] ?? 'test' },
      format: 'brief',
      layout: 'brief',
      kind: 'pdf',
      outputPath: `${key}.pdf`,
    },
    title: `Test document ${key}`,
    lang: 'en',
    bodyClass: 'layout-brief paper-a4',
    body,
    pageCss: '@page { size: A4; margin: 20mm 18mm; }',
    metadata: {
      title: `Test document ${key}`,
      author: 'Research Security Office',
      subject: 'A document printed by the tests',
      keywords: ['talent programmes', 'test'],
      creator: 'briefing-press 0.1.0',
      producer: 'briefing-press 0.1.0 (Chromium, pdf-lib)',
      language: 'en-GB',
      date: FIXED_DATE,
    },
    pdfWords: PDF_WORDS,
    ...extra,
  };
}

/** A brief of about three A4 pages, with h1 and h2 headings and Chinese names. */
export function threePageBody(id = 'qiming'): string {
  const sections = ['Bottom line', 'Incentives', 'Recruitment channels', 'What is not known'];
  return `<main class="sheet"><h1>Programme ${id}</h1>
<p>Qiming (<span class="zh">启明</span>, Qǐmíng) is a programme run by the Ministry of Industry (<span class="zh">工业和信息化部</span>).</p>
${sections.map((title) => `<h2>${title}</h2>${Array.from({ length: 4 }, () => `<p>${paragraph(110)}</p>`).join('')}`).join('\n')}
</main>`;
}

export const ONE_PAGER_FIT: FitPolicy = { maxPages: 1, baseFontPt: 11, minFontPt: 7, stepPt: 0.5 };

export { pdfFonts, pdfInfo, pdfText } from './pdf.js';

/** A session of its own and its printer for `skeleton`: what a test prints on; close() ends both. */
export async function openPrinter(skeleton: Skeleton, options: SessionOptions = {}): Promise<{ printer: Printer; raw: Printer; session: BrowserSession; close(): Promise<void> }> {
  const session = new BrowserSession(options);
  const raw = await session.printer(skeleton);
  // What a build writes: each print finished into its PDF/UA-1 file, as the batch does.
  const printer: Printer = {
    ...raw,
    async print(doc) {
      const printed = await raw.print(doc);
      const finished = await finishPdf(printed.bytes, doc);
      return { ...printed, bytes: finished.bytes, pages: finished.pages };
    },
  };
  return { printer, raw, session, close: () => session.close() };
}
