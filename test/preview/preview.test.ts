import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchBrowser } from '../helpers/launch-browser.js';
import { ROOT } from '../helpers/run-cli.js';
import { initTempProject, type TempProject } from '../authoring/project.js';

let project: TempProject;
let server: ChildProcess;
let output = '';
let url = '';
let browser: Browser;
let page: Page;

/** Waits until the server's output matches, or fails with what it printed. */
function waitForOutput(pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${output}`)), ms);
    const look = () => {
      const match = pattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      server.stdout?.off('data', look);
      server.stderr?.off('data', look);
      resolve(match);
    };
    server.stdout?.on('data', look);
    server.stderr?.on('data', look);
    look();
  });
}

/** A raw GET, so that the path reaches the server exactly as written (fetch would normalise it). */
function rawGet(pathname: string, host?: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname, port, path: pathname, headers: host ? { Host: host } : {} }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

const programmes = () => path.join(project.dir, 'data/programmes.yaml');

test.before(async () => {
  project = await initTempProject();
  server = spawn(process.execPath, [path.join(ROOT, 'bin/brief.js'), 'preview', '--port', '0'], {
    cwd: project.dir,
    env: { ...process.env, NO_COLOR: '1' },
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  url = (await waitForOutput(/preview: (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!;
  browser = await launchBrowser();
  page = await browser.newPage();
});

test.after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await project?.remove();
});

test('the index lists every programme and the topic, with links to briefs and one-pagers', async () => {
  await page.goto(url);
  const links = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
  for (const href of [
    '/programmes/returning-engineers/brief',
    '/programmes/returning-engineers/one-pager',
    '/programmes/harbour-fellowship/brief',
    '/programmes/harbour-fellowship/one-pager',
    '/topics/engineer-shortage/brief',
    '/topics/engineer-shortage/one-pager',
  ]) {
    assert.ok(links.includes(href), `${href} in ${links.join(', ')}`);
  }
});

test('following a link opens the programme, rendered with fonts served by the preview', async () => {
  const fonts: { url: string; status: number }[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/_brief/fonts/')) fonts.push({ url: r.url(), status: r.status() });
  });
  await Promise.all([page.waitForNavigation(), page.click('a[href="/programmes/returning-engineers/brief"]')]);
  assert.is(new URL(page.url()).pathname, '/programmes/returning-engineers/brief');
  const text = await page.$eval('body', (b) => b.innerText);
  assert.match(text, 'Returning Engineers Scheme');
  assert.match(text, '400,000 euros');
  await page.evaluate(() => document.fonts.ready);
  assert.ok(fonts.length > 0, 'the page loads fonts from the server');
  assert.ok(fonts.every((f) => f.status === 200), JSON.stringify(fonts));
  const loaded = await page.evaluate(() =>
    [...(document.fonts as unknown as Iterable<FontFace>)].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, '')),
  );
  assert.ok(loaded.includes('Noto Serif'), `Noto Serif loaded from the server: ${loaded.join(', ')}`);
  assert.is(await page.$('#brief-error-overlay'), null);
});

test('changing a data file reloads the open page with the change', async () => {
  await page.evaluate(() => ((window as unknown as { beforeChange: boolean }).beforeChange = true));
  const yaml = await readFile(programmes(), 'utf8');
  await writeFile(programmes(), yaml.replace('en: Returning Engineers Scheme', 'en: Returning Engineers Programme'));
  await page.waitForFunction(() => document.body.innerText.includes('Returning Engineers Programme'), { timeout: 20_000 });
  assert.is(await page.evaluate(() => (window as unknown as { beforeChange?: boolean }).beforeChange), undefined, 'the page was reloaded');
});

test('a broken data file shows an overlay naming file:line:col, and the server keeps running', async () => {
  const yaml = await readFile(programmes(), 'utf8');
  const line = yaml.split('\n').findIndex((l) => l === '  - id: harbour-fellowship') + 1;
  assert.ok(line > 0);
  await writeFile(programmes(), yaml.replace('  - id: harbour-fellowship', '  - idd: harbour-fellowship'));
  await page.waitForSelector('#brief-error-overlay', { timeout: 20_000 });
  const overlay = await page.$eval('#brief-error-overlay', (o) => (o as HTMLElement).innerText);
  assert.match(overlay, `data/programmes.yaml:${line}:5`);
  assert.match(overlay, 'unknown field "idd"');
  // The last good rendering stays under the overlay.
  assert.match(await page.$eval('main', (m) => m.textContent ?? ''), 'Returning Engineers Programme');
  await writeFile(programmes(), yaml);
  await page.waitForFunction(() => !document.getElementById('brief-error-overlay'), { timeout: 20_000 });
  assert.match(await page.$eval('body', (b) => b.innerText), 'Returning Engineers Programme');
  assert.is(server.exitCode, null, 'the server is still running');
});

test('a template that fails shows an overlay naming the template file and line, and recovers', async () => {
  const partial = path.join(project.dir, 'templates/partials/bottom-line.hbs');
  const original = await readFile(partial, 'utf8');
  await writeFile(partial, '{{#if bottomLine}}\n{{notInTheView}}\n{{/if}}\n');
  await page.waitForSelector('#brief-error-overlay', { timeout: 20_000 });
  const overlay = await page.$eval('#brief-error-overlay', (o) => (o as HTMLElement).innerText);
  assert.match(overlay, 'templates/partials/bottom-line.hbs:2:');
  assert.match(overlay, '"notInTheView" is not in the view model');
  await writeFile(partial, original);
  await page.waitForFunction(() => !document.getElementById('brief-error-overlay'), { timeout: 20_000 });
  assert.match(await page.$eval('body', (b) => b.innerText), 'Returning Engineers Programme');
});

test('the server answers only its routes, on loopback host names', async () => {
  assert.is(await rawGet('/'), 200);
  assert.is(await rawGet('/programmes/no-such/brief'), 404);
  assert.is(await rawGet('/_brief/fonts/../../package.json'), 404);
  assert.is(await rawGet('/_brief/fonts/noto-serif/..%2f..%2fpackage.json'), 404);
  assert.is(await rawGet('/%2e%2e/%2e%2e/package.json'), 404);
  assert.is(await rawGet('/data/programmes.yaml'), 404);
  assert.is(await rawGet('/brief.config.yaml'), 404);
  assert.is(await rawGet('/', 'attacker.example:80'), 403, 'a DNS-rebinding host name is refused');
});

test('the built HTML carries no live-reload script; only served pages do', async () => {
  const served = await (await fetch(`${url}topics/engineer-shortage/one-pager`)).text();
  assert.match(served, 'id="brief-live-reload"');
  const result = project.brief(['build', '--format', 'html', '--topic', 'engineer-shortage']);
  assert.is(result.code, 0, result.stderr);
  const built = await readFile(path.join(project.dir, 'output/topics/engineer-shortage/engineer-shortage.html'), 'utf8');
  assert.not.match(built, 'brief-live-reload');
  assert.not.match(built, 'EventSource');
});

test('Ctrl-C stops the server cleanly', async () => {
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  server.kill('SIGINT');
  assert.is(await exited, 0, output);
  assert.match(output, 'preview stopped');
});

test.run();
