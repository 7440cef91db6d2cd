import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../src/batch/run-batch.js';
import { lockOutput } from '../../src/batch/lock.js';
import { readManifest } from '../../src/batch/manifest.js';
import { OutputError } from '../../src/errors.js';
import { BrowserSession } from '../../src/browser/browser-session.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { generateDataset } from '../../bench/generate-dataset.js';
import { finished, isWholePdf, listFiles, makeWorkspace, pageCount, spawnBrief, waitForLine } from './helpers/build-fixture.js';

/** Every file in the output is whole and the manifest describes exactly what is on disk. */
async function assertOutputIntact(out: string): Promise<void> {
  const files = await listFiles(out);
  assert.equal(files.filter((f) => /\.tmp-\d+-\d+$/.test(f)), [], 'no temporary file left');
  assert.not.ok(files.some((f) => f.startsWith('.brief-build.lock')), 'no lock left');
  for (const file of files.filter((f) => f.endsWith('.pdf'))) {
    assert.ok(isWholePdf(await readFile(path.join(out, file))), `${file} is a whole PDF`);
  }
  const manifest = await readManifest(out);
  assert.ok(manifest, 'a readable manifest');
  for (const entry of manifest!.files) {
    const bytes = await readFile(path.join(out, entry.path));
    assert.is(createHash('sha256').update(bytes).digest('hex'), entry.sha256, `${entry.path} matches the manifest`);
  }
}

test('SIGTERM during a build exits 143, leaves no temporary file, and earlier outputs stay whole', async () => {
  const ws = await makeWorkspace();
  try {
    await generateDataset(ws.data + '-big', 12);
    await runBatch({ dataDir: ws.data + '-big', outDir: ws.out, formats: ['brief', 'one-pager'] });
    const child = spawnBrief(['build', '--data', ws.data + '-big', '--out', ws.out, '--force', '--concurrency', '1', '--format', 'brief', '--format', 'one-pager']);
    const done = finished(child);
    await waitForLine(child, /^built /);
    child.kill('SIGTERM');
    const result = await done;
    assert.is(result.code, 143, result.stderr);
    assert.is(
      result.stderr,
      'stopping on SIGTERM: closing the browser and removing temporary files (a second signal stops at once)\nerror: interrupted by SIGTERM; earlier outputs are left whole\n',
    );
    assert.not.match(result.stderr, /\n\s+at /, 'no stack trace');
    assert.ok(result.stdout.split('\n').filter((l) => l.startsWith('built ')).length < 24, 'it stopped midway');
    await assertOutputIntact(ws.out);
  } finally {
    await ws.remove();
  }
});

test('SIGKILL leaves no partial output; the next build sweeps its temporary files and takes over its lock', async () => {
  const ws = await makeWorkspace();
  try {
    const data = `${ws.data}-big`;
    await generateDataset(data, 12);
    // Its own temporary folder: a build killed outright cannot remove its run folder (the next run sweeps it).
    const child = spawnBrief(['build', '--data', data, '--out', ws.out, '--concurrency', '1', '--format', 'brief'], undefined, { TMPDIR: ws.dir });
    const done = finished(child);
    await waitForLine(child, /^built /);
    child.kill('SIGKILL');
    await done;
    for (const file of (await listFiles(ws.out)).filter((f) => f.endsWith('.pdf'))) {
      assert.ok(isWholePdf(await readFile(path.join(ws.out, file))), `${file} is whole`);
    }
    const next = await runBatch({ dataDir: data, outDir: ws.out, formats: ['brief'] });
    assert.is(next.documents.length, 12);
    await assertOutputIntact(ws.out);
  } finally {
    await ws.remove();
  }
});

test('a browser killed during a batch is replaced and every document still comes out', async () => {
  const ws = await makeWorkspace();
  try {
    const session = new BrowserSession();
    let killed = 0;
    const result = await runBatch({ dataDir: ws.data, outDir: ws.out }, {
      onDocumentDone: (_key, info) => {
        const pid = session.browserPid();
        if (!killed && !info.skipped && info.pages > 0 && pid) {
          process.kill(pid, 'SIGKILL');
          killed = pid;
        }
      },
    }, session).finally(() => session.close());
    assert.ok(killed, 'the browser was killed');
    assert.is(result.built, 9);
    assert.ok(session.stats().launches >= 2, 'a second browser was launched');
    for (const d of result.documents.filter((d) => d.format !== 'html')) {
      assert.is(pageCount(path.join(ws.out, d.path)), d.pages, d.path);
    }
    await assertOutputIntact(ws.out);
  } finally {
    await ws.remove();
  }
});

test('a second build into the same folder fails at once, naming the process that holds it', async () => {
  const ws = await makeWorkspace();
  const release = await lockOutput(ws.out);
  try {
    const started = Date.now();
    const error = await runBatch({ dataDir: ws.data, outDir: ws.out }).then(() => undefined, (e: Error) => e);
    assert.ok(error, 'the second build failed');
    assert.instance(error, OutputError);
    assert.is(error!.name, 'LockedError');
    assert.is(error!.message, `another build is writing to ${ws.out} (pid ${process.pid})`);
    assert.ok(Date.now() - started < 2000, 'at once');
  } finally {
    await release();
    await ws.remove();
  }
});

test('a lock held past its update interval is still released whole, and the next build takes it', async () => {
  const ws = await makeWorkspace();
  try {
    // proper-lockfile touches the lock every interval (15 s in a build; 1 s, its minimum, here) and
    // checks the folder's mtime is still its own: the pid written inside must not change that.
    const release = await lockOutput(ws.out, { updateMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await release();
    assert.equal((await readdir(ws.out)).filter((name) => name.includes('lock')), [], 'the lock folder is gone');
    const again = await lockOutput(ws.out);
    await again();
  } finally {
    await ws.remove();
  }
});

test('the CLI reports a locked folder in one line with exit code 4', async () => {
  const ws = await makeWorkspace();
  const release = await lockOutput(ws.out);
  try {
    const result = await finished(spawnBrief(['build', '--data', ws.data, '--out', ws.out]));
    assert.is(result.code, 4);
    assert.is(result.stderr.trim(), `error: another build is writing to ${ws.out} (pid ${process.pid})`);
  } finally {
    await release();
    await ws.remove();
  }
});

test('--browser-ws-endpoint renders on a running browser started with --remote-debugging-port', async () => {
  const ws = await makeWorkspace();
  const chromium = spawn(findBrowser().path, ['--headless', '--no-sandbox', '--remote-debugging-port=0', `--user-data-dir=${ws.dir}/profile`, 'about:blank'], {
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
    const result = await runBatch({ dataDir: ws.data, outDir: ws.out, wsEndpoint: endpoint });
    assert.is(result.built, 9);
    for (const d of result.documents.filter((d) => d.format === 'one-pager')) assert.is(pageCount(path.join(ws.out, d.path)), 1, d.path);
    assert.ok(result.pack && result.pack.rebuilt, 'the pack too');
    assert.is(pageCount(path.join(ws.out, 'briefing-pack.pdf')), result.pack.pages);
    assert.is(chromium.exitCode, null, 'the remote browser is left running: it is not ours to close');
  } finally {
    process.kill(-chromium.pid!, 'SIGKILL');
    await ws.remove();
  }
});

test.run();
