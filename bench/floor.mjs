// The benchmark's baselines, plain JavaScript so Node starts it as fast as it can:
//   floor: one browser, `concurrency` pages, each document opened afresh (goto file://), fonts awaited, pdf;
//   naive: a browser launched per document, the way per-file tools work (CONCURRENCY at once;
//   the benchmark runs it one at a time, as a loop over files does, and also CONCURRENCY at once).
// Usage: node bench/floor.mjs floor|naive LIST_FILE BROWSER HEADLESS CONCURRENCY OUT_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const [mode, listFile, executablePath, headlessArg, concurrencyArg, outDir] = process.argv.slice(2);
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const headless = headlessArg === 'shell' ? 'shell' : true;
const concurrency = Number(concurrencyArg);
const launch = () => puppeteer.launch({ executablePath, headless, args: ['--no-sandbox'] });

async function printOn(page, file, index) {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  writeFileSync(path.join(outDir, `${index}.pdf`), pdf);
}

let next = 0;
if (mode === 'floor') {
  const browser = await launch();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const page = await browser.newPage();
      while (next < files.length) {
        const i = next++;
        await printOn(page, files[i], i);
      }
      await page.close();
    }),
  );
  await browser.close();
} else {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files.length) {
        const i = next++;
        const browser = await launch();
        const page = await browser.newPage();
        await printOn(page, files[i], i);
        await browser.close();
      }
    }),
  );
}
