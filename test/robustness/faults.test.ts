// Issue 5, item 4: faults injected into real `brief build` processes. Before each, every file of a
// built output is hashed; after it, none may be lost or changed (outputs are reproducible, so a
// document printed again comes out byte-identical).
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
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
  type Workspace,
} from './helpers.js';

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

  // At once, while fifteen documents are still to print: the second build starts, and the first
  // build's browser is killed (it must launch another, which keeps it running a while longer).
  const secondRun = brief(build('--force', ...GOLDEN_FLAGS));
  const [browser] = chromiumOf(first.pid!).filter((p) => !p.args.includes('--type='));
  assert.ok(browser, 'the first build runs a browser');
  process.kill(browser.pid, 'SIGKILL');

  const second = await secondRun;
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
  assert.equal(errorLines(result), ['error: interrupted by SIGINT; earlier outputs are left whole']);
  assert.ok(result.stdout.split('\n').filter((l) => l.startsWith('built ')).length < 16, 'it stopped midway');
  await sleep(100); // the kernel reaps the last helpers
  const pids = browsers.map((p) => p.pid);
  assert.equal(stillRunning(pids, [...new Set(browsers.map((p) => p.pgid))]), [], 'no Chromium process left');
  assert.equal(profiles.filter(exists), [], 'no browser profile left in the temporary folder');
  assert.not.ok(exists(path.join(ws.out, '.brief-build.lock')), 'the lock is released');
  assert.equal(await lostOrCorrupted(before, ws.out), []);
  countFault('SIGINT mid-batch');
});

test.run();
