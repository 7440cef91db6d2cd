// One document on one warm page: swap it in, fit it, print it, and check the pages it printed on.
import type { PDFOptions } from 'puppeteer';
import type { RenderedDocument } from '../contracts/document.js';
import type { FitPolicy } from '../contracts/layouts.js';
import { PAPER_SIZES, type Paper } from '../contracts/paper.js';
import { FitError } from '../errors.js';
import { chooseFitSize, declaresContentBox, describeOverflow, fitSteps, measureFit, setFitSize } from './fit.js';
import { countPages } from '../pdf/index.js';
import { swapDocument, type PrintPage } from './print-page.js';

/** What came off the page: Chromium's bytes, and the type size it was fitted at, where it had to shrink. */
export interface PagePrint {
  bytes: Uint8Array;
  fittedFontPt?: number;
  blocked: string[];
}

export async function printOnPage(warm: PrintPage, doc: RenderedDocument, paper: Paper): Promise<PagePrint> {
  warm.blocked = [];
  await swapDocument(warm.page, doc);
  const pdfOptions: PDFOptions = {
    printBackground: true,
    outline: true,
    tagged: true,
    preferCSSPageSize: true,
    format: PAPER_SIZES[paper].printFormat,
    // The renderer's own timer (which names the document) bounds the whole print instead.
    timeout: 0,
  };
  if (!doc.fit) return { bytes: await warm.page.pdf(pdfOptions), blocked: warm.blocked };
  return printFitted(warm, doc, doc.fit, paper, pdfOptions);
}

/**
 * Layout picks the size; the printed page count decides. When the PDF runs over, the type goes
 * one step smaller and the document is printed again, down to the policy's minimum.
 *
 * Most documents fit at the base size, so unless the stylesheet declares a content box of its own
 * (a limit only layout can check), the base size is printed first, before any measuring: measuring
 * first had cost every one-pager one layout more.
 */
async function printFitted(
  warm: PrintPage,
  doc: RenderedDocument,
  policy: FitPolicy,
  paper: Paper,
  pdfOptions: PDFOptions,
): Promise<PagePrint> {
  const steps = fitSteps(policy);
  // Each try is only counted: the one that fits is finished, once, by the caller.
  const print = async () => {
    const bytes = await warm.page.pdf(pdfOptions);
    return { bytes, pages: countPages(bytes) };
  };
  let atBase: { bytes: Uint8Array; pages: number } | undefined;
  if (!(await declaresContentBox(warm.page))) {
    atBase = await print();
    if (atBase.pages <= policy.maxPages) return { bytes: atBase.bytes, blocked: warm.blocked };
  }
  const choice = await chooseFitSize(warm.page, paper, policy);
  if (!choice.fits) throw fitError(doc, policy, describeOverflow(choice.measure));
  // Blocks taken out to fit: the page printed above showed them.
  if (choice.dropped > 0) atBase = undefined;
  for (let index = choice.stepIndex; ; index++) {
    const fontPt = index === 0 ? undefined : steps[index];
    // At the base size, a print made above already said it does not fit (whatever layout said).
    const result = index === 0 && atBase ? atBase : await print();
    if (result.pages <= policy.maxPages) return { bytes: result.bytes, fittedFontPt: fontPt, blocked: warm.blocked };
    if (index + 1 >= steps.length) {
      const measure = await measureFit(warm.page, paper, policy.maxPages, fontPt);
      const extra = result.pages - policy.maxPages;
      const overflow = measure.used > measure.available ? describeOverflow(measure) : `${extra} page${extra === 1 ? '' : 's'}`;
      throw fitError(doc, policy, overflow);
    }
    await setFitSize(warm.page, steps[index + 1]);
  }
}

function fitError(doc: RenderedDocument, policy: FitPolicy, overflow: string): FitError {
  const pages = policy.maxPages === 1 ? 'one page' : `${policy.maxPages} pages`;
  return new FitError(`${doc.key} does not fit on ${pages}: ${overflow} left over at ${policy.minFontPt}pt`);
}
