// The browser driver's public face: one session owns Chromium; the batch prints through it.
export type { BrowserOptions, PoolOptions, PrintedPdf, Printer, PrinterStats } from './types.js';
export { BrowserSession, withBrowser, type SessionOptions } from './browser-session.js';
export { checkTempFolder } from './run-folder.js';
export { findBrowser, type FindBrowserOptions, type FoundBrowser } from './find-browser.js';
export { PRINTER_DEFAULTS, type PrinterOptions } from './printer.js';
