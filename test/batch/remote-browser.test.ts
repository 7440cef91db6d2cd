// A browser the tool did not launch keeps its own fonts (issue 11): a build on one says so, once.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../src/batch/run-batch.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { fixture } from '../helpers/fixtures.js';
import { warningsWithoutProof } from '../helpers/proof-lines.js';

test('a build on a running browser (--browser-ws-endpoint) warns once about its fonts, however many documents it prints', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-remote-fonts-'));
  const root = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const chromium = spawn(findBrowser().path, ['--headless', ...root, '--remote-debugging-port=0', `--user-data-dir=${dir}/profile`, 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`no DevTools URL:\n${seen}`)), 20_000);
      chromium.stderr!.on('data', (d) => {
        seen += d;
        const url = /DevTools listening on (ws:\/\/\S+)/.exec(seen)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      });
    });
    const result = await runBatch({ dataDir: fixture('build/data'), outDir: path.join(dir, 'output'), wsEndpoint: endpoint, formats: ['one-pager'] });
    assert.is(result.built, 3);
    assert.equal(warningsWithoutProof(result.warnings), [
      `the browser at ${endpoint} was not launched by brief, so its fonts are outside its control: text the bundled fonts do not reach (all of it, if that browser cannot read this machine's files) is set in its own machine's fonts`,
      'briefing-pack.pdf not made: 3 documents of the plan are not built; run brief build',
    ]);
  } finally {
    process.kill(-chromium.pid!, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

test('a build on a browser it launches says nothing of fonts', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-local-fonts-'));
  try {
    const result = await runBatch({ dataDir: fixture('build/data'), outDir: path.join(dir, 'output'), formats: ['one-pager'], programmes: ['alpha'] });
    assert.is(result.built, 1);
    assert.equal(warningsWithoutProof(result.warnings), ['briefing-pack.pdf not made: 5 documents of the plan are not built; run brief build']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
