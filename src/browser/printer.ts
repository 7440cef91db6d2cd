// Printing documents in one print skeleton: a pool of warm pages on the session's browsers, a
// retry for crashes, a time limit per document (issue 4 item 1, issue 5 item 4). A printer opens
// and closes pages only: the browsers are its session's (browser-session.ts).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RenderedDocument, Skeleton } from '../contracts/document.js';
import { BriefError, RenderError } from '../errors.js';
import { defaultConcurrency } from '../contracts/run-defaults.js';
import type { Browsers } from './browsers.js';
import { countPages } from '../pdf/index.js';
import { PagePool } from './page-pool.js';
import { printOnPage } from './print-document.js';
import type { PrintPage } from './print-page.js';
import { createRequestGuard, defaultAssetRoots } from './request-guard.js';
import { DEFAULT_TIMEOUT_MS, type PoolOptions, type Printer, type PrintedPdf } from './types.js';

/** PoolOptions, plus what tests and embedders may also set. */
export interface PrinterOptions extends PoolOptions {
  /** Folders pages may read files from, besides the bundled fonts and the templates folder. */
  assetRoots?: string[];
}

export const PRINTER_DEFAULTS = {
  pageRecycleAfter: 50,
  browserRecycleAfter: 500,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  /** Opening a page normally takes well under a second; past this it is treated as a crash. */
  openTimeoutMs: 10_000,
} as const;

/** A printer, and how its session lets it go. */
export interface SessionPrinter extends Printer {
  /** Closes its pages; the browsers stay the session's. */
  close(): Promise<void>;
}

/** Writes the skeleton into `folder` and prepares the pool; pages open with the first document, or at warmUp(). */
export async function createPrinter(browsers: Browsers, skeleton: Skeleton, folder: string, options: PrinterOptions = {}): Promise<SessionPrinter> {
  const skeletonFile = path.join(folder, 'skeleton.html');
  await writeFile(skeletonFile, skeleton.html);
  const guard = createRequestGuard({
    roots: [folder, ...defaultAssetRoots(), ...(options.assetRoots ?? [])],
    allowRemote: options.allowRemote,
  });
  const timeoutMs = options.timeoutMs ?? PRINTER_DEFAULTS.timeoutMs;
  const pool = new PagePool(browsers, pathToFileURL(skeletonFile).href, guard, {
    concurrency: Math.max(1, options.concurrency ?? defaultConcurrency()),
    pageRecycleAfter: Math.max(1, options.pageRecycleAfter ?? PRINTER_DEFAULTS.pageRecycleAfter),
    browserRecycleAfter: Math.max(1, options.browserRecycleAfter ?? PRINTER_DEFAULTS.browserRecycleAfter),
    openTimeoutMs: Math.min(timeoutMs, PRINTER_DEFAULTS.openTimeoutMs),
  });
  let retries = 0;
  let closing: Promise<void> | undefined;

  const printOnce = async (doc: RenderedDocument): Promise<PrintedPdf> => {
    const printed = await pool.use(async (page) => {
      try {
        const work = withTimeout(printOnPage(page, doc, skeleton.paper), page, doc, timeoutMs);
        return await Promise.race([work, page.handle.gone, page.crashed]);
      } catch (error) {
        // Anything but the document's own fault leaves the page suspect: it is not reused.
        if (!(error instanceof BriefError)) page.broken = true;
        throw error;
      }
    });
    // Counted once the page is back in the pool, so that it overlaps the next print.
    const fitted = printed.fittedFontPt === undefined ? {} : { fittedFontPt: printed.fittedFontPt };
    return { bytes: printed.bytes, pages: countPages(printed.bytes), ...fitted, blockedRequests: printed.blocked };
  };

  return {
    async warmUp(documents) {
      const [count] = await Promise.all([documents, browsers.acquire()]);
      await pool.prepare(count);
    },
    async print(doc) {
      for (let attempt = 0; ; attempt++) {
        if (closing) throw new RenderError(`${doc.key}: the printer was closed`);
        try {
          return await printOnce(doc);
        } catch (error) {
          if (error instanceof BriefError) throw error;
          // A crashed page or browser (or any failure that is not the document's: Chromium
          // answers "Printing failed" for a renderer that died mid-print) is replaced, and the
          // document printed once more on a fresh page.
          if (attempt === 0 && !closing) {
            retries++;
            continue;
          }
          throw new RenderError(`${doc.key}: the browser failed to print it`, error);
        }
      }
    },
    close() {
      closing ??= pool.drain();
      return closing;
    },
    stats() {
      return { pagesOpened: pool.pagesOpened, retries };
    },
  };
}

/** A document past its time fails with its name; its page may be stuck, so it is not reused. */
async function withTimeout<T>(work: Promise<T>, page: PrintPage, doc: RenderedDocument, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      page.broken = true;
      reject(new RenderError(`${doc.key}: rendering took longer than ${ms} ms and was stopped`));
    }, ms);
  });
  work.catch(() => undefined); // Its failure after the timeout has nobody to tell.
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
