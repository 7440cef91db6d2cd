// Issue 5, item 4: faults injected into real `brief build` processes. Before each, every file of a
// built output is hashed; after it, none may be lost or changed (outputs are reproducible, so a
// document printed again comes out byte-identical).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  brief,
  briefWithFileSizeLimit,
  chromiumOf,
  copyOutput,
  countFault,
  errorLines,
  exists,
  finished,
  GOLDEN_FLAGS,
  goldenOutput,
  lostOrCorrupted,
  makeTemp,
  profileDir,
  sleep,
  snapshot,
  spawnBrief,
  stillRunning,
  waitForChromium,
  waitForLine,
  type CliResult,
  type Workspace,
} from './helpers.js';
import { makeTmpdir, spawnBuiltBrief } from '../batch/helpers/build-fixture.js';

let golden: { data: string; out: string };
let ws: Workspace;
let before: Map<string, string>;

test.before(async () => {
  golden = await goldenOutput();
});
test.before.each(async () => {
  ws = await makeTemp();
  await copyOutput(golden.out, ws);
  before = await snapshot(ws.out);
});
test.after.each(() => ws.remove());

const build = (...args: string[]) => ['build', '--data', golden.data, '--out', ws.out, ...args];

test('a missing browser binary is a one-line error, exit 3, and the outputs stay whole', async () => {
  const result = await brief(build('--force', '--programme', 'scheme-0', '--format', 'one-pager', '--browser', '/nonexistent/chrome'));
  assert.is(result.code, 3);
  const lines = errorLines(result);
  assert.is(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /^error: browser not found: \/nonexistent\/chrome \(from --browser\) is not an executable file; install one with /);
  assert.equal(await lostOrCorrupted(before, ws.out), []);
  countFault('browser binary missing');
});

test('an output folder that cannot be created (its parent is a file) is a one-line error, exit 4', async () => {
  const file = path.join(ws.dir, 'a-file');
  await writeFile(file, 'x');
  const result = await brief(['build', '--data', golden.data, '--out', path.join(file, 'output'), ...GOLDEN_FLAGS]);
  assert.is(result.code, 4);
  assert.equal(errorLines(result), [
    `error: cannot create the output folder ${file}/output: ENOTDIR: not a directory, mkdir '${file}/output'`,
  ]);
  countFault('output folder under a regular file');
});

test('a read-only document folder (chattr +i, which binds root too) is a one-line error, exit 4', async () => {
  const folder = path.join(ws.out, 'programmes/scheme-0');
  // Tests run as root, for whom chmod stops nothing; the immutable flag does. Elsewhere, chmod.
  const immutable = spawnSync('chattr', ['+i', folder]).status === 0;
  if (!immutable) spawnSync('chmod', ['555', folder]);
  try {
    const result = await brief(build('--force', '--programme', 'scheme-0', '--format', 'one-pager'));
    assert.is(result.code, 4, result.stderr);
    const lines = errorLines(result);
    assert.is(lines.length, 1, result.stderr);
    assert.match(lines[0]!, new RegExp(`^error: cannot write ${folder}/scheme-0-one-pager\\.pdf: E(PERM|ACCES): `));
  } finally {
    spawnSync('chattr', ['-i', folder]);
    spawnSync('chmod', ['755', folder]);
  }
  assert.equal(await lostOrCorrupted(before, ws.out), []);
  countFault('read-only output folder');
});

test('a full disk (a write refused with EFBIG under ulimit -f) is a one-line error, exit 4', async () => {
  // 300 KiB: room for the browser's files and the 230 KiB print shell, not for the 340 KiB HTML.
  const result = await briefWithFileSizeLimit(300, build('--force', '--programme', 'scheme-0', '--format', 'html'));
  assert.is(result.code, 4, result.stderr);
  assert.equal(errorLines(result), [
    `error: cannot write ${ws.out}/programmes/scheme-0/scheme-0.html: EFBIG: file too large, write`,
  ]);
  assert.equal(await lostOrCorrupted(before, ws.out), []);
  countFault('disk full');
});

test('a second build into the same output is refused with the lock; the first, its browser killed, completes', async () => {
  const first = spawnBrief(build('--force', '--concurrency', '1', ...GOLDEN_FLAGS));
  const done = finished(first);
  await waitForLine(first, /^built .*\.pdf/);

  // The first build is paused while the second runs, so that it still holds the lock however slow
  // the machine (unpaused, it was seen to finish first under load); its browser is killed meanwhile
  // (it must launch another when it goes on).
  process.kill(first.pid!, 'SIGSTOP');
  let second: CliResult;
  try {
    const [browser] = chromiumOf(first.pid!).filter((p) => !p.args.includes('--type='));
    assert.ok(browser, 'the first build runs a browser');
    process.kill(browser.pid, 'SIGKILL');
    second = await brief(build('--force', ...GOLDEN_FLAGS));
  } finally {
    process.kill(first.pid!, 'SIGCONT');
  }
  assert.is(second.code, 4);
  assert.equal(errorLines(second), [`error: another build is writing to ${ws.out} (pid ${first.pid})`]);

  const result = await done;
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stdout.split('\n').filter((l) => l.startsWith('built ')).length, 16, result.stdout);
  assert.match(result.stdout, /^16 built, pack \d+ pages/m);
  assert.equal(await lostOrCorrupted(before, ws.out), []);
  countFault('two builds at once');
  countFault('browser killed mid-batch');
});

test('Ctrl-C during a batch exits 130, leaves no Chromium, no temporary file, and the outputs whole', async () => {
  const child = spawnBrief(build('--force', '--concurrency', '1', ...GOLDEN_FLAGS));
  const done = finished(child);
  await waitForChromium(child);
  await waitForLine(child, /^built .*\.pdf/);
  const browsers = chromiumOf(child.pid!);
  const profiles = browsers.map((p) => profileDir(p.args)).filter((d): d is string => Boolean(d));
  assert.ok(profiles.length > 0, 'the browser runs with its own profile folder');
  child.kill('SIGINT');
  const result = await done;

  assert.is(result.code, 130, result.stderr);
  assert.equal(errorLines(result), [
    'stopping on SIGINT: closing the browser and removing temporary files (a second signal stops at once)',
    'error: interrupted by SIGINT; earlier outputs are left whole',
  ]);
  assert.ok(result.stdout.split('\n').filter((l) => l.startsWith('built ')).length < 16, 'it stopped midway');
  await sleep(100); // the kernel reaps the last helpers
  const pids = browsers.map((p) => p.pid);
  assert.equal(stillRunning(pids, [...new Set(browsers.map((p) => p.pgid))]), [], 'no Chromium process left');
  assert.equal(profiles.filter(exists), [], 'no browser profile left in the temporary folder');
  assert.not.ok(exists(path.join(ws.out, '.brief-build.lock')), 'the lock is released');
  assert.equal(await lostOrCorrupted(before, ws.out), []);
  countFault('SIGINT mid-batch');
});

/** Rejects when `work` has not settled within `ms`: a command that hangs fails the test instead of stalling it. */
function endsWithin<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

test('SIGHUP mid-batch exits 129 with one line, leaving no Chromium, lock, run folder or temporary file', async () => {
  countFault('SIGHUP mid-batch');
  const tmp = await makeTmpdir();
  try {
    const child = spawnBuiltBrief(build('--force', '--concurrency', '1', ...GOLDEN_FLAGS), tmp.dir);
    const done = finished(child);
    await waitForLine(child, /^built .*\.pdf/);
    const browsers = chromiumOf(child.pid!);
    assert.ok(browsers.length > 0, 'the browser runs');
    assert.is((await tmp.left()).length, 1, 'the run keeps what it needs in one temporary folder');
    assert.match((await tmp.left())[0]!, new RegExp(`^brief-run-${child.pid}-\\w{6}$`));
    child.kill('SIGHUP');
    const result = await done;

    assert.is(result.code, 129, result.stderr);
    assert.equal(errorLines(result), [
      'stopping on SIGHUP: closing the browser and removing temporary files (a second signal stops at once)',
      'error: interrupted by SIGHUP; earlier outputs are left whole',
    ]);
    await sleep(100); // the kernel reaps the last helpers
    assert.equal(stillRunning(browsers.map((p) => p.pid), [...new Set(browsers.map((p) => p.pgid))]), [], 'no Chromium process left');
    assert.equal(await tmp.left(), [], 'nothing left in the temporary folder');
    assert.not.ok(exists(path.join(ws.out, '.brief-build.lock')), 'the lock is released');
    assert.equal(await lostOrCorrupted(before, ws.out), []);
  } finally {
    await tmp.remove();
  }
});

test('a second signal ends a build at once (exit 143 for SIGTERM after SIGINT), and its exit handlers still leave nothing', async () => {
  countFault('two signals mid-batch');
  const tmp = await makeTmpdir();
  try {
    const child = spawnBuiltBrief(build('--force', '--concurrency', '1', ...GOLDEN_FLAGS), tmp.dir);
    const done = finished(child);
    await waitForLine(child, /^built .*\.pdf/);
    const browsers = chromiumOf(child.pid!);
    child.kill('SIGINT');
    // The second signal once the first is being handled: sent at once, the two may be taken in either order.
    await waitForLine(child, /^stopping on SIGINT/);
    child.kill('SIGTERM');
    const result = await done;

    assert.is(result.code, 143, result.stderr);
    assert.equal(errorLines(result), ['stopping on SIGINT: closing the browser and removing temporary files (a second signal stops at once)']);
    await sleep(100);
    assert.equal(stillRunning(browsers.map((p) => p.pid), [...new Set(browsers.map((p) => p.pgid))]), [], 'no Chromium process left');
    assert.equal(await tmp.left(), [], 'nothing left in the temporary folder');
    assert.not.ok(exists(path.join(ws.out, '.brief-build.lock')), 'the lock is removed');
    assert.equal(await lostOrCorrupted(before, ws.out), []);
  } finally {
    await tmp.remove();
  }
});

test('a build leaves nothing in the temporary folder; a run killed outright leaves its folder, which the next build removes', async () => {
  countFault('SIGKILL leaves a run folder');
  const tmp = await makeTmpdir();
  // A run folder of a live process (this one) is never taken for a dead run's.
  const alive = path.join(tmp.dir, `brief-run-${process.pid}-abcdef`);
  await mkdir(alive);
  try {
    const child = spawnBuiltBrief(build('--force', '--concurrency', '1', ...GOLDEN_FLAGS), tmp.dir);
    const done = finished(child);
    await waitForLine(child, /^built .*\.pdf/);
    const browsers = chromiumOf(child.pid!);
    child.kill('SIGKILL');
    await done;
    // Chromium, on a pipe to the killed process, ends by itself.
    for (let waited = 0; stillRunning(browsers.map((p) => p.pid), []).length > 0 && waited < 10_000; waited += 100) await sleep(100);
    const killedRun = (await tmp.left()).filter((name) => name.startsWith(`brief-run-${child.pid}-`));
    assert.is(killedRun.length, 1, 'SIGKILL cannot clean up');

    const next = await finished(spawnBuiltBrief(build('--force', '--programme', 'scheme-0', ...GOLDEN_FLAGS), tmp.dir));
    assert.is(next.code, 0, next.stderr);
    assert.equal(await tmp.left(), [path.basename(alive)], "the killed run's folder is swept, the live one's kept");
  } finally {
    await tmp.remove();
  }
});

test('a --browser that never answers ends at --timeout with exit 3, naming it and the limit, and leaves no process or folder', async () => {
  countFault('browser that never answers');
  const tmp = await makeTmpdir();
  const browser = path.join(ws.dir, 'sleepy-chrome');
  const pidFile = path.join(ws.dir, 'sleepy.pid');
  await writeFile(browser, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600\n`);
  await chmod(browser, 0o755);
  const child = spawnBuiltBrief(build('--force', '--programme', 'scheme-0', '--browser', browser, '--timeout', '3000', ...GOLDEN_FLAGS), tmp.dir);
  try {
    const result = await endsWithin(finished(child), 60_000, 'the build');
    assert.is(result.code, 3, result.stderr);
    assert.equal(errorLines(result), [`error: the browser ${browser} (--browser) did not answer within 3000 ms (--timeout)`]);
    const pid = Number(await readFile(pidFile, 'utf8'));
    await sleep(100);
    assert.equal(stillRunning([pid], [pid]), [], 'the stand-in browser was killed');
    assert.equal(await tmp.left(), [], 'no profile left');
    assert.equal(await lostOrCorrupted(before, ws.out), []);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL'); // one that hung is not left running
    await tmp.remove();
  }
});

/** A TCP server standing in for a DevTools endpoint: it accepts, and answers nothing (or only the WebSocket handshake). */
async function silentEndpoint(handshake: boolean): Promise<{ url: string; server: Server; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    // Read what comes, so the client's close is heard.
    if (!handshake) return void socket.resume();
    let request = '';
    socket.on('data', (chunk) => {
      request += chunk.toString('latin1');
      const key = /Sec-WebSocket-Key: (\S+)/i.exec(request)?.[1];
      if (!key || !request.includes('\r\n\r\n')) return;
      const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      request = '\0'; // the handshake is answered once; what follows is never
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}/devtools/browser/stand-in`, server, sockets };
}

for (const handshake of [false, true]) {
  const what = handshake ? 'answers the handshake and then nothing' : 'accepts the connection and never answers';
  test(`a --browser-ws-endpoint that ${what} ends at --timeout with exit 3, naming it and the limit`, async () => {
    countFault(`endpoint that ${what}`);
    const tmp = await makeTmpdir();
    const endpoint = await silentEndpoint(handshake);
    const child = spawnBuiltBrief(build('--force', '--programme', 'scheme-0', '--browser-ws-endpoint', endpoint.url, '--timeout', '3000', ...GOLDEN_FLAGS), tmp.dir);
    try {
      const result = await endsWithin(finished(child), 60_000, 'the build');
      assert.is(result.code, 3, result.stderr);
      assert.equal(errorLines(result), [`error: the browser at ${endpoint.url} did not answer within 3000 ms (--timeout)`]);
      for (let waited = 0; endpoint.sockets.size > 0 && waited < 5000; waited += 50) await sleep(50); // the server hears the close
      assert.is(endpoint.sockets.size, 0, 'no connection left open');
      assert.equal(await tmp.left(), []);
      assert.equal(await lostOrCorrupted(before, ws.out), []);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL'); // one that hung is not left running
      for (const socket of endpoint.sockets) socket.destroy();
      await new Promise((resolve) => endpoint.server.close(resolve));
      await tmp.remove();
    }
  });
}

test.run();
