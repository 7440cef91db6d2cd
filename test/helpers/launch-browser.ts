// A browser for tests that look at pages as a reader's browser would, JavaScript on: the one the
// tool itself would find (never a path of this machine).
import type { Browser } from 'puppeteer-core';
import { findBrowser } from '../../src/browser/find-browser.js';
import { loadPuppeteerCore } from '../../src/browser/puppeteer.js';

export function launchBrowser(): Promise<Browser> {
  const found = findBrowser();
  return loadPuppeteerCore().launch({
    executablePath: found.path,
    headless: found.headless,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    pipe: true,
  });
}
