import puppeteer, { type Browser, type Page } from 'puppeteer';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findBrowser } from '../../src/browser/find-browser.js';
import { newFramelessPage } from '../../src/browser/print-page.js';

let browser: Browser;
test.before(async () => {
  const found = findBrowser();
  browser = await puppeteer.launch({ executablePath: found.path, headless: found.headless, args: ['--no-sandbox'], pipe: true });
});
test.after(async () => {
  await browser.close();
});

/** Whether the page's compositor produced a frame within `ms` (requestAnimationFrame fires on one). */
const drawsFrames = (page: Page, ms: number) =>
  page.evaluate(
    (wait) => new Promise<boolean>((resolve) => {
      requestAnimationFrame(() => resolve(true));
      setTimeout(() => resolve(false), wait);
    }),
    ms,
  );

test('a print page draws no frames, yet lays out, loads images and prints', async () => {
  const ordinary = await browser.newPage();
  const printing = await newFramelessPage(browser);
  try {
    assert.ok(await drawsFrames(ordinary, 2000), 'an ordinary page draws frames (the check itself works)');
    assert.not.ok(await drawsFrames(printing, 500), 'the print page draws none');
    const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await printing.setContent(`<h1>Printed</h1><img src="data:image/png;base64,${pixel}" width="40" height="40">`);
    const decoded = await printing.evaluate(async () => {
      await Promise.all(Array.from(document.images, (image) => image.decode()));
      return document.images[0]!.naturalWidth;
    });
    assert.is(decoded, 1, 'image.decode() settles without frames');
    const pdf = Buffer.from(await printing.pdf({ tagged: true }));
    assert.ok(pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdf.includes('/StructTreeRoot'), 'a tagged PDF');
  } finally {
    await Promise.all([ordinary.close(), printing.close()]);
  }
});

test('a browser that cannot create the page that way gets ordinary ones, asked only once', async () => {
  let plainPages = 0;
  let asked = 0;
  const refusing = {
    target: () => ({
      createCDPSession: () => {
        asked++;
        return Promise.reject(new Error('Target.createTarget is not allowed'));
      },
    }),
    newPage: async () => {
      plainPages++;
      return browser.newPage();
    },
  } as unknown as Browser;
  const pages = [await newFramelessPage(refusing), await newFramelessPage(refusing)];
  try {
    assert.equal([plainPages, asked], [2, 1]);
    assert.ok(await drawsFrames(pages[0]!, 2000), 'the ordinary page still draws frames');
  } finally {
    await Promise.all(pages.map((page) => page.close()));
  }
});

test.run();
