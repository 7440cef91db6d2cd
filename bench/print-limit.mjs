// The print-only limit (issue 21): what Chromium alone costs to print the documents. Every HTML
// file is loaded into a page of its own first, fonts awaited (not timed); then only `page.pdf()` is
// timed, CONCURRENCY at a time. No tool can print these documents in less on this browser.
// Each document is printed once, as first set: the tool prints again the few its proof finds a
// fault in at a page break (issue 18), so its page count can be a little lower than this one's.
// A long list is loaded and printed in batches of BATCH pages, so that thousands of documents are
// not held open at once; the timed part of each batch is added up.
// Usage: node bench/print-limit.mjs LIST_FILE BROWSER HEADLESS CONCURRENCY [LAUNCH_JSON]
// LAUNCH_JSON: {"args": [...], "userDataDir": ...}, the tool's own launch (bench/measure.ts passes
// it, and the environment with the project's fonts); without it, --no-sandbox alone.
// Prints one JSON line: {"seconds": ..., "documents": ..., "pages": ..., "frameless": true|false}.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const [listFile, executablePath, headlessArg, concurrencyArg, launchJson] = process.argv.slice(2);
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const headless = headlessArg === 'shell' ? 'shell' : true;
const concurrency = Number(concurrencyArg);
const BATCH = 32;
// The tool's print options (src/browser/print-document.ts); the paper comes from the CSS @page.
const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 };

/** Runs `task` on every item, `lanes` at a time. */
async function inLanes(items, lanes, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

/**
 * A page whose frames nobody draws, as the tool prints on (src/browser/print-page.ts): Chromium
 * composites no screen for it, which printing does not need. An ordinary page where refused.
 */
let frameless = true;
let created = 0;
// One session on the browser target for every page, never detached: detaching such sessions while
// others were opening lost Puppeteer the browser target, and every later page was an ordinary one.
let browserSession;
async function newPrintPage(browser) {
  if (!frameless) return browser.newPage();
  const url = `about:blank#print-limit-${++created}`;
  try {
    browserSession ??= browser.target().createCDPSession();
    await (await browserSession).send('Target.createTarget', { url, enableBeginFrameControl: true });
    return await (await browser.waitForTarget((target) => target.url() === url)).page();
  } catch {
    frameless = false;
    return browser.newPage();
  }
}

async function load(browser, file) {
  const page = await newPrintPage(browser);
  await page.emulateMediaType('print');
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // Layout first, so the font slices the text needs are asked for before fonts.ready is read.
  await page.evaluate(async () => {
    void document.body.offsetHeight;
    await document.fonts.ready;
  });
  return page;
}

const countPages = (pdf) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

const launch = launchJson ? JSON.parse(launchJson) : { args: ['--no-sandbox'] };
const browser = await puppeteer.launch({ executablePath, headless, pipe: true, ...launch });
let seconds = 0;
let pages = 0;
try {
  for (let start = 0; start < files.length; start += BATCH) {
    const loaded = [];
    // Loading is not timed, so it may go as fast as it can.
    await inLanes(files.slice(start, start + BATCH), concurrency, async (file) => loaded.push(await load(browser, file)));
    const started = performance.now();
    await inLanes(loaded, concurrency, async (page) => {
      // Read `pages` only after the await: `pages += await ...` would lose the other lane's pages.
      const printed = countPages(await page.pdf(PDF_OPTIONS));
      pages += printed;
    });
    seconds += (performance.now() - started) / 1000;
    await Promise.all(loaded.map((page) => page.close()));
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ seconds, documents: files.length, pages, frameless }));
