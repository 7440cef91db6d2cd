// The PDF stage's public face: a session owns the browser; the batch prints through it.
export type { BrowserOptions, PoolOptions, PrintedPdf, Printer, PrinterStats } from './types.js';
export { BrowserSession, withBrowser, type SessionOptions } from './browser-session.js';
export { findBrowser, type FindBrowserOptions, type FoundBrowser } from './find-browser.js';
export { PRINTER_DEFAULTS, type PrinterOptions } from './printer.js';
export { postProcessPdf, type PostProcessed } from './post-process.js';
