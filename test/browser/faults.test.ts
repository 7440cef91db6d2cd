import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RenderError } from '../../src/errors.js';
import { killProcessGroup } from '../../src/browser/process-group.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { openPrinter, paragraph, testDocument, testSkeleton, threePageBody } from '../helpers/skeleton-fixture.js';

/** Live (not zombie) processes in the process group a browser leads. */
function processesInGroup(pgid: number): string[] {
  return execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,comm='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => Number(cols[1]) === pgid && !(cols[2] ?? '').startsWith('Z'))
    .map((cols) => cols.join(' '));
}

const batch = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => testDocument(`programmes/${prefix}-${i}/brief`, threePageBody(`${prefix}-${i}`)));

test('a browser killed in the middle of a batch is replaced, and every document still prints', async () => {
  const { printer, session, close } = await openPrinter(testSkeleton(), { concurrency: 2 });
  try {
    const [first, ...rest] = batch(8, 'killed');
    await printer.print(first!);
    const pid = session.browserPid();
    assert.ok(pid, 'a launched browser has a pid');
    const printing = rest.map((doc) => printer.print(doc));
    await new Promise((resolve) => setTimeout(resolve, 30)); // let the pages start on the next documents
    process.kill(pid, 'SIGKILL');
    const printed = await Promise.all(printing).catch((error: unknown) => {
      console.error(error);
      throw error;
    });
    assert.ok(printed.every((pdf) => pdf.pages >= 3), printed.map((pdf) => pdf.pages).join());
    const stats = printer.stats();
    assert.is(session.launches, 2, 'one replacement browser');
    assert.ok(stats.retries >= 1, `documents in flight were printed again: ${JSON.stringify(stats)}`);
    assert.is.not(session.browserPid(), pid);
  } finally {
    await close();
  }
});

test('a page whose renderer process dies mid-batch is replaced, and every document still prints', async () => {
  // A page whose renderer is killed while it opens may never finish opening: the short timeout
  // bounds how long that takes to be noticed (then its browser is replaced as well).
  const { printer, session, close } = await openPrinter(testSkeleton(), { concurrency: 2, timeoutMs: 4000 });
  try {
    const [first, ...rest] = batch(6, 'renderer');
    await printer.print(first!);
    const pid = session.browserPid()!;
    const printing = Promise.all(rest.map((doc) => printer.print(doc)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const renderers = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => Number(cols[1]) === pid && cols.includes('--type=renderer'))
      .map((cols) => Number(cols[0]));
    assert.ok(renderers.length > 0, 'the pages have renderer processes');
    for (const renderer of renderers) process.kill(renderer, 'SIGKILL');
    const printed = await printing;
    assert.ok(printed.every((pdf) => pdf.pages >= 3));
    assert.ok(printer.stats().retries >= 1, JSON.stringify(printer.stats()));
  } finally {
    await close();
  }
});

test('a document that runs past the timeout fails with its key, and the next one prints', async () => {
  const { printer, session, close } = await openPrinter(testSkeleton(), { concurrency: 1, timeoutMs: 1500 });
  try {
    await printer.print(testDocument('programmes/warm/brief', '<p>warm up</p>'));
    const huge = `<p>${paragraph(100)}</p>`.repeat(20_000);
    try {
      await printer.print(testDocument('programmes/gigantic/brief', huge));
      assert.unreachable('should have timed out');
    } catch (error) {
      assert.instance(error, RenderError);
      assert.match((error as Error).message, /^programmes\/gigantic\/brief: rendering took longer than 1500 ms/);
    }
    const next = await printer.print(testDocument('programmes/next/brief', '<p>next</p>'));
    assert.is(next.pages, 1);
  } finally {
    await close();
  }
});

test('pages and browsers are recycled, and after close() no process of any browser remains', async () => {
  const { printer, session, close } = await openPrinter(testSkeleton(), { concurrency: 1, pageRecycleAfter: 2, browserRecycleAfter: 4 });
  const pids = new Set<number>();
  for (const doc of batch(6, 'recycled')) {
    const printed = await printer.print(doc);
    assert.ok(printed.pages >= 3);
    const pid = session.browserPid();
    if (pid) pids.add(pid);
  }
  const stats = printer.stats();
  assert.is(stats.pagesOpened, 3, 'a fresh page every two documents');
  assert.is(session.launches, 2, 'a fresh browser after four documents');
  assert.is(pids.size, 2);
  await close();
  for (const pid of pids) assert.equal(processesInGroup(pid), [], `browser ${pid} left processes behind`);
  try {
    await printer.print(batch(1, 'late')[0]!);
    assert.unreachable('a closed session prints nothing');
  } catch (error) {
    assert.instance(error, RenderError);
    assert.match((error as Error).message, 'closed');
  }
});

test('closing the session during a batch (the CLI does on SIGINT) stops it promptly and leaves no process', async () => {
  const { printer, session, close } = await openPrinter(testSkeleton(), { concurrency: 2 });
  const [first, ...rest] = batch(6, 'interrupted');
  await printer.print(first!);
  const pid = session.browserPid()!;
  const settled = Promise.allSettled(rest.map((doc) => printer.print(doc)));
  await new Promise((resolve) => setTimeout(resolve, 30));
  const started = performance.now();
  await close();
  assert.ok(performance.now() - started < 5000, 'closed within the grace period');
  const outcomes = await settled;
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') assert.instance(outcome.reason, RenderError);
  }
  assert.ok(outcomes.some((outcome) => outcome.status === 'rejected'), 'documents not yet printed fail');
  assert.equal(processesInGroup(pid), []);
  assert.is(session.launches, 1, 'no browser is started again after close()');
});

test('a process killed outright (no close(), no exit handlers) takes its browser with it', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-killed-'));
  const script = path.join(dir, 'print-then-wait.mts');
  const here = path.dirname(fileURLToPath(import.meta.url));
  await writeFile(
    script,
    `import { openPrinter, testDocument, testSkeleton } from ${JSON.stringify(path.join(here, '../helpers/skeleton-fixture.ts'))};
const { printer, session } = await openPrinter(testSkeleton(), { concurrency: 1 });
await printer.print(testDocument('programmes/orphan/brief', '<p>x</p>'));
process.stdout.write(\`\${session.browserPid()}\\n\`);
setInterval(() => undefined, 1000);
`,
  );
  // Its own temporary folder: a process killed outright cannot remove its run folder (the next run sweeps it).
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TMPDIR: dir } });
  let pid = 0;
  try {
    pid = await new Promise<number>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = seen.match(/^(\d+)$/m);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`child exited with ${code}: ${seen}`)));
      setTimeout(() => reject(new Error(`no browser pid from the child: ${JSON.stringify(seen)}`)), 20_000).unref();
    });
    assert.ok(processesInGroup(pid).length > 0, `the browser runs while its owner does: ${pid}`);
    child.kill('SIGKILL');
    let left = processesInGroup(pid);
    for (let waited = 0; left.length > 0 && waited < 5000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = processesInGroup(pid);
    }
    assert.equal(left, [], 'no orphaned Chromium');
  } finally {
    child.kill('SIGKILL');
    if (pid) killProcessGroup(pid); // Whatever the outcome, the test leaves nothing running.
    await rm(dir, { recursive: true, force: true });
  }
});

test('a remote browser is used through its WebSocket endpoint, and close() only disconnects', async () => {
  const { path: executable } = findBrowser();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'brief-remote-'));
  const child = spawn(
    executable,
    ['--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  try {
    const wsEndpoint = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = seen.match(/DevTools listening on (ws:\/\/\S+)/);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`browser exited: ${seen}`)));
    });
    const { printer, session, close } = await openPrinter(testSkeleton(), { wsEndpoint, concurrency: 1 });
    const printed = await printer.print(testDocument('programmes/remote/brief', threePageBody('remote')));
    assert.ok(printed.pages >= 3);
    assert.is(session.browserPid(), undefined, 'nothing launched here');
    await close();
    assert.is(child.exitCode, null, 'the remote browser is still running');
    assert.ok(processesInGroup(child.pid!).length > 0);
  } finally {
    process.kill(-child.pid!, 'SIGKILL');
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  }
});

test.run();
