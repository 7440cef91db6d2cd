// The one owner of the browser (issue 12): a command's session launches on first need, hands out
// printers, lets the browser go when idle unless kept warm, and leaves nothing behind when closed.
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RenderError } from '../../src/errors.js';
import { BrowserSession, withBrowser } from '../../src/browser/browser-session.js';
import { testDocument, testSkeleton } from '../helpers/skeleton-fixture.js';

/** Live (not zombie) processes in the process group a browser leads. */
function processesInGroup(pgid: number): string[] {
  return execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,comm='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => Number(cols[1]) === pgid && !(cols[2] ?? '').startsWith('Z'))
    .map((cols) => cols.join(' '));
}

/** This process's session folders in the temporary folder. */
const runFolders = async () => (await readdir(os.tmpdir())).filter((name) => name.startsWith(`brief-run-${process.pid}-`));

const page = (id: string) => testDocument(`topics/${id}/brief`, `<p>Document ${id}</p>`);

test('a session starts no browser until asked; start() launches one, and its printer prints on it', async () => {
  const session = new BrowserSession({ concurrency: 1 });
  try {
    assert.is(session.launches, 0);
    assert.is(session.browserPid(), undefined);
    session.start();
    const printer = await session.printer(testSkeleton());
    assert.is((await printer.print(page('first'))).pages, 1);
    assert.is(session.launches, 1, 'the browser started by start() is the one printed on');
  } finally {
    await session.close();
  }
});

test('the browser keeps its temporary files (shared memory) in its profile, inside the run folder, not in the machine\'s temporary folder', async () => {
  const session = new BrowserSession({ concurrency: 1 });
  try {
    await (await session.printer(testSkeleton())).print(page('tmp'));
    const environ = (await readFile(`/proc/${session.browserPid()}/environ`, 'utf8')).split('\0');
    const tmp = environ.find((entry) => entry.startsWith('TMPDIR='))?.slice('TMPDIR='.length) ?? '';
    const [folder] = await runFolders();
    assert.ok(folder, 'the session has a run folder');
    assert.match(path.relative(path.join(os.tmpdir(), folder!), tmp), /^profile-[A-Za-z0-9]{6}\/tmp$/);
    assert.equal(await readdir(tmp), [], 'its files are unlinked as soon as they are open');
  } finally {
    await session.close();
  }
});

test('a new skeleton replaces the printer and its pages, never the browser', async () => {
  const session = new BrowserSession({ concurrency: 1 });
  try {
    await (await session.printer(testSkeleton('a4'))).print(page('a4'));
    const pid = session.browserPid();
    const letter = await session.printer(testSkeleton('letter'));
    await letter.print(page('letter'));
    assert.equal(session.stats(), { launches: 1, pagesOpened: 2, retries: 0 });
    assert.is(session.browserPid(), pid);
  } finally {
    await session.close();
  }
});

test('idle() lets the browser go, and the next print starts another; a session kept warm keeps it', async () => {
  const session = new BrowserSession({ concurrency: 1 });
  const warm = new BrowserSession({ concurrency: 1, keepWarm: true });
  try {
    await (await session.printer(testSkeleton())).print(page('before'));
    const first = session.browserPid()!;
    await session.idle();
    assert.is(session.browserPid(), undefined);
    assert.equal(processesInGroup(first), [], 'the browser let go of is gone');
    await (await session.printer(testSkeleton())).print(page('after'));
    assert.is(session.launches, 2);

    await (await warm.printer(testSkeleton())).print(page('warm'));
    const kept = warm.browserPid();
    await warm.idle();
    assert.is(warm.browserPid(), kept, 'kept warm for the next run');
    await (await warm.printer(testSkeleton())).print(page('warm-again'));
    assert.is(warm.launches, 1);
  } finally {
    await session.close();
    await warm.close();
  }
});

test('close() leaves no Chromium process and no temporary folder, and a closed session prints nothing', async () => {
  const session = new BrowserSession({ concurrency: 1 });
  let pid = 0;
  try {
    await (await session.printer(testSkeleton())).print(page('last'));
    pid = session.browserPid()!;
    assert.is((await runFolders()).length, 1, 'the session keeps its files in one folder');
  } finally {
    await session.close(); // Also when an assertion failed: a browser left open would keep the suite from ending.
  }
  assert.equal(processesInGroup(pid), []);
  assert.equal(await runFolders(), []);
  const late = await session.printer(testSkeleton()).then(() => undefined, (error: unknown) => error);
  assert.instance(late, RenderError);
  assert.is((late as Error).message, 'the browser session is closed');
});

test('withBrowser() closes the session whatever the work does, and a signal closes it at once', async () => {
  let pid = 0;
  const failed = await withBrowser({ concurrency: 1 }, async (session) => {
    await (await session.printer(testSkeleton())).print(page('failing'));
    pid = session.browserPid()!;
    throw new Error('the work failed');
  }).then(() => undefined, (error: Error) => error.message);
  assert.is(failed, 'the work failed');
  assert.equal(processesInGroup(pid), []);

  const controller = new AbortController();
  const outcome = await withBrowser(
    { concurrency: 1 },
    async (session) => {
      const printer = await session.printer(testSkeleton());
      await printer.print(page('warm'));
      controller.abort('SIGINT');
      return printer.print(page('after-the-signal')).then(() => 'printed', (error: Error) => error.constructor.name);
    },
    controller.signal,
  );
  assert.is(outcome, 'RenderError', 'nothing prints once the signal closed the session');
  assert.equal(await runFolders(), []);
});

test.run();
