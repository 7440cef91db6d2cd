// What the batch and the browser session say to each other (src/batch, src/browser).
import type { RenderedDocument } from '../contracts/document.js';

import { RUN_DEFAULTS } from '../contracts/run-defaults.js';

/** --timeout's default: how long any one wait on the browser may take. */
export const DEFAULT_TIMEOUT_MS = RUN_DEFAULTS.timeoutMs;

/** How to reach a browser. */
export interface BrowserOptions {
  /** An executable to launch; found by findBrowser() when absent. */
  executablePath?: string;
  /** A running browser to connect to instead of launching one (puppeteer.connect). */
  wsEndpoint?: string;
  /** Let pages load http(s) images (issue 5: off by default). */
  allowRemote?: boolean;
}

/** How the pool of pages behaves. */
export interface PoolOptions extends BrowserOptions {
  /** Pages rendering at once; default: the number of cores. */
  concurrency?: number;
  /** A page is replaced after this many documents, so memory stays flat. */
  pageRecycleAfter?: number;
  /** The browser is restarted after this many documents. */
  browserRecycleAfter?: number;
  /** A document that takes longer fails with its name; starting or reaching the browser too. */
  timeoutMs?: number;
}

/** A document as Chromium printed it: the PDF file editor (src/pdf) finishes it into the file that is written. */
export interface PrintedPdf {
  bytes: Uint8Array;
  pages: number;
  /** The body type size the document was fitted at, where it had to shrink. */
  fittedFontPt?: number;
  /** Requests the page tried to make that were blocked, e.g. remote images. */
  blockedRequests: string[];
}

/** What a printer has done so far: for summaries and tests. */
export interface PrinterStats {
  pagesOpened: number;
  /** Documents printed again after a crash. */
  retries: number;
}

/** Prints documents to PDF on a pool of warm pages, all in one print skeleton. */
export interface Printer {
  print(doc: RenderedDocument): Promise<PrintedPdf>;
  /**
   * Starts (or connects to) the browser now instead of with the first document, and opens pages
   * ahead: one per slot, never more than the `documents` to print.
   */
  warmUp(documents?: number | Promise<number>): Promise<void>;
  stats(): PrinterStats;
}
