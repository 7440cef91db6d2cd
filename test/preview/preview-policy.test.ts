// Issue 11: `brief preview` sends a Content-Security-Policy that runs its own live-reload script
// and nothing else: a <script> or an onerror= a user template prints raw from the data does not run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchBrowser } from '../helpers/launch-browser.js';
import { ROOT } from '../helpers/run-cli.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/robustness/raw-html');

let server: ChildProcess;
let output = '';
let url = '';
let browser: Browser;
let page: Page;

test.before(async () => {
  server = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/brief.js'), 'preview', '--port', '0', '--data', path.join(FIXTURE, 'data'), '--templates', path.join(FIXTURE, 'templates')],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
  );
  const printed = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in: ${output}`)), 30_000);
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    server.stdout?.on('data', look);
    server.stderr?.on('data', look);
  });
  url = await printed;
  browser = await launchBrowser();
  page = await browser.newPage();
});

test.after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) server.kill('SIGKILL');
});

test('every page carries a policy allowing only the reload script, by hash, and the event stream', async () => {
  for (const pathname of ['', 'programmes/raw/brief', 'programmes/no-such/brief']) {
    const response = await fetch(`${url}${pathname}`);
    const html = await response.text();
    // The one script the server adds; its hash is the only one the policy may name.
    const scripts = [...html.matchAll(/<script id="brief-live-reload" data-version="\d+">([\s\S]*?)<\/script>/g)];
    assert.is(scripts.length, 1, pathname);
    const hash = createHash('sha256').update(scripts[0]![1]!).digest('base64');
    assert.is(
      response.headers.get('content-security-policy'),
      `default-src 'none'; script-src 'sha256-${hash}'; connect-src 'self'; style-src 'unsafe-inline'; font-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      pathname,
    );
  }
});

test('a <script> and an onerror= printed raw from the data do not run; the reload script does', async () => {
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/_brief/events')) streams.push(request.url());
  });
  await page.goto(`${url}programmes/raw/brief`, { waitUntil: 'load' });
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete), { timeout: 10_000 });
  const seen = await page.evaluate(() => ({
    title: document.title,
    scriptRan: (window as unknown as { scriptRan?: boolean }).scriptRan ?? false,
    onerrorRan: (window as unknown as { onerrorRan?: boolean }).onerrorRan ?? false,
    printedRaw: document.querySelectorAll('#raw-bottom-line script').length + document.querySelectorAll('img[onerror]').length,
  }));
  assert.equal(seen, { title: 'Raw scheme (原始): brief', scriptRan: false, onerrorRan: false, printedRaw: 2 });
  // Only the reload script opens the event stream.
  assert.equal(streams, [`${url}_brief/events`]);
});

test.run();
