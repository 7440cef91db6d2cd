// The PDF engine the batch drives: one browser, a pool of warm pages, a retry for crashes, a
// timeout per document, and nothing left running after close() (issue 4 item 1, issue 5 item 4).
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RenderedDocument } from '../contracts/document.js';
import { BriefError, RenderError } from '../errors.js';
import { BrowserManager } from './browsers.js';
import { PagePool } from './page-pool.js';
import { postProcessPdf } from './post-process.js';
import { printOnPage } from './print-document.js';
import { createRequestGuard, defaultAssetRoots } from './request-guard.js';
import { makeRunSubfolder } from './run-folder.js';
import { DEFAULT_TIMEOUT_MS, type PdfRenderer, type PoolOptions, type PrintedPdf, type Shell } from './types.js';
import type { WarmPage } from './print-page.js';

/** PoolOptions, plus what tests and embedders may also set. */
export interface PdfRendererOptions extends PoolOptions {
  /** Folders pages may read files from, besides the bundled fonts and the templates folder. */
  assetRoots?: string[];
  /** Environment for finding the browser (PUPPETEER_EXECUTABLE_PATH, PATH). */
  env?: NodeJS.ProcessEnv;
}

/** What the renderer has done so far: for --json summaries and tests. */
export interface PdfRendererStats {
  /** Browsers launched or connected to. */
  launches: number;
  pagesOpened: number;
  /** Documents printed again after a crash. */
  retries: number;
  /** The process id of the browser running now, if one was launched. */
  browserPid: number | undefined;
}

export interface PoolPdfRenderer extends PdfRenderer {
  /**
   * Launches the browser (or takes the one it was given) at once, and opens a page per slot, or
   * fewer when there are fewer `documents` to print (they may be known only later).
   */
  warmUp(documents?: number | Promise<number>): Promise<void>;
  stats(): PdfRendererStats;
}

export const DEFAULTS = {
  pageRecycleAfter: 50,
  browserRecycleAfter: 500,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  /** Opening a page normally takes well under a second; past this it is treated as a crash. */
  openTimeoutMs: 10_000,
} as const;

/**
 * Prepares the shell and the pool; the browser starts with the first document, or at warmUp().
 * Given `browsers` (from startBrowser(), launching already), it prints on them; they stay the
 * giver's to close.
 */
export async function createPdfRenderer(shell: Shell, options: PdfRendererOptions = {}, browsers?: BrowserManager): Promise<PoolPdfRenderer> {
  const shellDir = await makeRunSubfolder('shell-');
  const shellFile = path.join(shellDir, 'shell.html');
  await writeFile(shellFile, shell.html);
  const guard = createRequestGuard({
    roots: [shellDir, ...defaultAssetRoots(), ...(options.assetRoots ?? [])],
    allowRemote: options.allowRemote,
  });
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const manager = browsers ?? new BrowserManager(options);
  const pool = new PagePool(manager, pathToFileURL(shellFile).href, guard, {
    concurrency: Math.max(1, options.concurrency ?? os.availableParallelism()),
    pageRecycleAfter: Math.max(1, options.pageRecycleAfter ?? DEFAULTS.pageRecycleAfter),
    browserRecycleAfter: Math.max(1, options.browserRecycleAfter ?? DEFAULTS.browserRecycleAfter),
    openTimeoutMs: Math.min(timeoutMs, DEFAULTS.openTimeoutMs),
  });
  let retries = 0;
  let closing: Promise<void> | undefined;

  const printOnce = async (doc: RenderedDocument): Promise<PrintedPdf> => {
    const printed = await pool.use(async (warm) => {
      try {
        const work = withTimeout(printOnPage(warm, doc, shell.paper), warm, doc, timeoutMs);
        return await Promise.race([work, warm.handle.gone, warm.crashed]);
      } catch (error) {
        // Anything but the document's own fault leaves the page suspect: it is not reused.
        if (!(error instanceof BriefError)) warm.broken = true;
        throw error;
      }
    });
    if (printed.kind === 'done') {
      const { bytes, pages } = printed.result;
      return { bytes, pages, fittedFontPt: printed.fittedFontPt, blockedRequests: printed.blocked };
    }
    const { bytes, pages } = await postProcessPdf(printed.bytes, doc.metadata);
    return { bytes, pages, blockedRequests: printed.blocked };
  };

  return {
    async warmUp(documents) {
      const [count] = await Promise.all([documents, manager.acquire()]);
      await pool.prepare(count);
    },
    async print(doc) {
      for (let attempt = 0; ; attempt++) {
        if (closing) throw new RenderError(`${doc.spec.key}: the PDF renderer was closed`);
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
          throw new RenderError(`${doc.spec.key}: the browser failed to print it`, error);
        }
      }
    },
    close() {
      closing ??= (async () => {
        await pool.drain();
        if (!browsers) await manager.close();
        await rm(shellDir, { recursive: true, force: true });
      })();
      return closing;
    },
    stats() {
      return { launches: manager.launches, pagesOpened: pool.pagesOpened, retries, browserPid: manager.currentPid() };
    },
  };
}

/** A document past its time fails with its name; its page may be stuck, so it is not reused. */
async function withTimeout<T>(work: Promise<T>, warm: WarmPage, doc: RenderedDocument, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      warm.broken = true;
      reject(new RenderError(`${doc.spec.key}: rendering took longer than ${ms} ms and was stopped`));
    }, ms);
  });
  work.catch(() => undefined); // Its failure after the timeout has nobody to tell.
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
