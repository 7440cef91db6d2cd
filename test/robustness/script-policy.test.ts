// Issue 11: a user template printing data raw ({{{ }}}) must not make a <script> or an onerror= in
// the data run when the written .html is opened in a browser with JavaScript on.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchBrowser } from '../helpers/launch-browser.js';
import { runCli } from '../helpers/run-cli.js';
import { countBadInput, makeTemp, robustnessFixture, type Workspace } from './helpers.js';

const DATA = robustnessFixture('raw-html/data');
const TEMPLATES = robustnessFixture('raw-html/templates');
const TITLE = 'Raw scheme (原始): brief';

let ws: Workspace;
let browser: Browser;
let page: Page;

test.before(async () => {
  ws = await makeTemp();
  browser = await launchBrowser();
  page = await browser.newPage();
});
test.after(async () => {
  await browser?.close();
  await ws.remove();
});

/** Builds the fixture's HTML with `flags` and returns the written file's path. */
function buildHtml(out: string, flags: string[] = []): string {
  const result = runCli(['build', '--data', DATA, '--templates', TEMPLATES, '--out', out, '--format', 'html', ...flags]);
  assert.is(result.code, 0, result.stderr);
  return path.join(out, 'programmes/raw/raw.html');
}

/** What the data's script and onerror= would have changed, read once every image has failed or loaded. */
async function traces(target: Page) {
  await target.waitForFunction(() => Array.from(document.images).every((image) => image.complete), { timeout: 10_000 });
  return target.evaluate(() => ({
    title: document.title,
    scriptRan: (window as unknown as { scriptRan?: boolean }).scriptRan ?? false,
    onerrorRan: (window as unknown as { onerrorRan?: boolean }).onerrorRan ?? false,
    printedRaw: document.querySelectorAll('#raw-bottom-line script').length + document.querySelectorAll('img[onerror]').length,
  }));
}

test('the written .html carries a policy that allows inline styles, data: fonts and data: images, and no script', async () => {
  const html = await readFile(buildHtml(path.join(ws.dir, 'plain')), 'utf8');
  assert.match(
    html,
    '<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; font-src data:; img-src data:; base-uri \'none\'; form-action \'none\'">\n',
  );
});

test('with --allow-remote the policy lets http(s) images load too, and still no script', async () => {
  const html = await readFile(buildHtml(path.join(ws.dir, 'remote'), ['--allow-remote']), 'utf8');
  assert.match(
    html,
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; font-src data:; img-src data: http: https:; base-uri \'none\'; form-action \'none\'">',
  );
});

test('opened with JavaScript on, a <script> and an onerror= printed raw from the data do not run', async () => {
  countBadInput('script printed raw by a user template into the .html');
  countBadInput('onerror printed raw by a user template into the .html');
  const file = buildHtml(path.join(ws.dir, 'opened'));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  assert.equal(await traces(page), { title: TITLE, scriptRan: false, onerrorRan: false, printedRaw: 2 });
});

test('the same page without its policy would run them: the fixture is live script', async () => {
  const file = buildHtml(path.join(ws.dir, 'control'));
  const html = await readFile(file, 'utf8');
  const withoutPolicy = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  assert.is.not(withoutPolicy, html);
  await writeFile(file, withoutPolicy);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const seen = await traces(page);
  assert.ok(seen.scriptRan && seen.onerrorRan, JSON.stringify(seen));
});

test.run();
