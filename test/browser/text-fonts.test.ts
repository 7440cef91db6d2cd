// The swap loads the unicode-range faces a document's text needs before printing, without laying
// the body out (issue 21): page.pdf() does not wait for web fonts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findBrowser } from '../../src/browser/find-browser.js';
import { newFramelessPage } from '../../src/browser/print-page.js';
import { LOAD_TEXT_FONTS, loadTextFonts } from '../../src/browser/text-fonts.js';

const FILES = fileURLToPath(new URL('../../node_modules/@fontsource/noto-sans/files/', import.meta.url));
const face = (subset: string, range: string) =>
  `@font-face { font-family: 'T'; src: url('${pathToFileURL(path.join(FILES, `noto-sans-${subset}-400-normal.woff2`)).href}'); unicode-range: ${range}; }`;
const CSS = [face('latin', 'U+0000-00FF'), face('cyrillic', 'U+0400-045F'), face('greek', 'U+0370-03FF')].join('\n');

let browser: Browser;
let folder: string;
test.before(async () => {
  const found = findBrowser();
  browser = await puppeteer.launch({ executablePath: found.path, headless: found.headless, args: ['--no-sandbox'], pipe: true });
  folder = await mkdtemp(path.join(tmpdir(), 'text-fonts-'));
});
test.after(async () => {
  await browser.close();
  await rm(folder, { recursive: true, force: true });
});

/** A page as the printer keeps it (no frames drawn, so no layout unless asked): scripting off, the faces declared, the loader installed. */
async function printPage(): Promise<Page> {
  const file = path.join(folder, 'page.html');
  await writeFile(file, `<!doctype html><html><head><style>${CSS} body { font-family: 'T'; }</style></head><body></body></html>`);
  const page = await newFramelessPage(browser);
  await page.setJavaScriptEnabled(false);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // As the printer installs it (print-page.ts); under tsx, named inner functions call __name().
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(`globalThis.${LOAD_TEXT_FONTS} = ${loadTextFonts.toString()}`);
  return page;
}

/** Each face's status, by the start of its range. */
const statuses = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Array.from(document.fonts as unknown as Iterable<FontFace>, (f) => [f.unicodeRange.split('-')[0], f.status])));

test('on a print page, a face new text needs stays unloaded until something lays the text out (why the swap loads them)', async () => {
  const page = await printPage();
  try {
    await page.evaluate(() => {
      document.body.textContent = 'Привет';
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.is((await statuses(page))['U+400'], 'unloaded');
    // Reading document.fonts.ready lays the body out (at screen width): that loads it.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    assert.is((await statuses(page))['U+400'], 'loaded');
  } finally {
    await page.close();
  }
});

test('the loader loads the faces whose ranges hold the text, and only those', async () => {
  const page = await printPage();
  try {
    const run = (text: string) => page.evaluate((name, t) => (globalThis as unknown as Record<string, (t: string) => Promise<unknown>>)[name]!(t), LOAD_TEXT_FONTS, text);
    await run('Plain words');
    assert.equal(await statuses(page), { 'U+0': 'loaded', 'U+400': 'unloaded', 'U+370': 'unloaded' });
    await run('Москва and Αθήνα');
    assert.equal(await statuses(page), { 'U+0': 'loaded', 'U+400': 'loaded', 'U+370': 'loaded' });
  } finally {
    await page.close();
  }
});

test('a face already loaded is not asked again, and text no face holds loads nothing', async () => {
  const page = await printPage();
  try {
    const run = (text: string) => page.evaluate((name, t) => (globalThis as unknown as Record<string, (t: string) => Promise<unknown[]>>)[name]!(t).then((l) => l.length), LOAD_TEXT_FONTS, text);
    assert.is(await run('Привет'), 1);
    assert.is(await run('Привет again'), 1, 'the Latin face, not the Cyrillic one a second time');
    assert.is(await run('漢字'), 0);
  } finally {
    await page.close();
  }
});

test.run();
