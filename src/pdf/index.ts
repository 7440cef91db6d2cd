// The PDF engine's public face: the batch needs only these.
export type { BrowserOptions, PdfRenderer, PoolOptions, PrintedPdf, Shell } from './types.js';
export { findBrowser, type FindBrowserOptions, type FoundBrowser } from './find-browser.js';
export {
  createPdfRenderer,
  DEFAULTS as PDF_DEFAULTS,
  type PdfRendererOptions,
  type PdfRendererStats,
  type PoolPdfRenderer,
} from './printer.js';
export { postProcessPdf, type PostProcessed } from './post-process.js';
export { readOutline, writeOutline, type Bookmark, type BookmarkTarget } from './outline.js';
