#!/usr/bin/env node
// Runs the uvu suite and ends with the plain line CI reads: "N passed, N failed, N skipped".
// The run also fails, saying why, when a test file registers a test that uvu would drop (one
// after its suite's run()), when a process of the suite outlives it, or when anything is left in
// the temporary folder, a fresh one for each run (issue 11).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'brief-test-run-'));
const tmp = path.join(work, 'tmp');
const reportFile = path.join(work, 'registrations.json');
// Open to every user as /tmp is (sticky, world-writable): some tests run the CLI as another user.
chmodSync(work, 0o755);
mkdirSync(tmp);
chmodSync(tmp, 0o1777);
const loaderCache = shareLoaderCache(tmp);

// `node scripts/run-tests.mjs [PATTERN] [uvu flags]`: a pattern narrows the files run.
const given = process.argv.slice(2);
const pattern = given[0] && !given[0].startsWith('-') ? given.shift() : '\\.test\\.ts$';
const args = [
  path.join(ROOT, 'node_modules/uvu/bin.js'),
  '-r', 'tsx',
  '-r', path.join(ROOT, 'test/helpers/check-registrations.ts'),
  'test', pattern,
  ...given,
];
const env = { ...process.env, FORCE_COLOR: '0', TMPDIR: tmp, TEST_REGISTRATIONS_REPORT: reportFile };
// In a process group of its own, so that the processes the tests start can be told apart and stopped.
const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['inherit', 'pipe', 'inherit'], env, detached: true });
// Interrupted, the suite is stopped, and the run still reports and removes its temporary folder.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => signalGroup(child.pid, signal));
let output = '';
// uvu has no time limits of its own: a test that never settles, or a browser a failed test left
// open, would keep the suite (and CI) waiting for ever. A watchdog stops it and says why.
const IDLE_LIMIT_MS = Number(process.env.TEST_IDLE_LIMIT_MS) || 300_000;
const EXIT_GRACE_MS = Number(process.env.TEST_EXIT_GRACE_MS) || 30_000;
const stopped = [];
let watchdog = setTimeout(() => stopSuite(`no test finished for ${IDLE_LIMIT_MS / 1000} s`), IDLE_LIMIT_MS);
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
  clearTimeout(watchdog);
  watchdog = /Duration:/.test(output)
    ? setTimeout(() => stopSuite(`the suite did not end within ${EXIT_GRACE_MS / 1000} s of its last test: something a test started kept it alive`), EXIT_GRACE_MS)
    : setTimeout(() => stopSuite(`no test finished for ${IDLE_LIMIT_MS / 1000} s`), IDLE_LIMIT_MS);
});
child.on('close', (code, signal) => {
  clearTimeout(watchdog);
  void finish(code, signal);
});

function stopSuite(why) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const file = [...plain.matchAll(/^(\S+\.[cm]?[jt]s)\s*$/gm)].at(-1)?.[1];
  stopped.push(`${why}${file ? ` (the last file started: test/${file})` : ''}; it was stopped`);
  signalGroup(child.pid, 'SIGKILL');
}

async function finish(code, signal) {
  const count = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(output)?.[1] ?? 0);
  const total = count('Total');
  const passed = count('Passed');
  const skipped = count('Skipped');
  const problems = [];

  const report = readReport();
  problems.push(...stopped);
  if (signal && stopped.length === 0) problems.push(`the suite was stopped by ${signal} before it finished`);
  else if (!report && stopped.length === 0) problems.push('the registration check did not report: was test/helpers/check-registrations.ts preloaded?');
  const dropped = report?.dropped ?? [];
  for (const what of dropped) problems.push(`${what} did not run: no run() of its suite came after it in its file`);
  if (report && report.handed !== total) {
    problems.push(`uvu ran ${total} tests but the registration check saw ${report.handed}: a test file bypassed it`);
  }
  if (!(await groupEnds(child.pid, 5000))) {
    problems.push('processes the tests started were still running 5 s after the suite ended; they were killed');
    signalGroup(child.pid, 'SIGKILL');
    await groupEnds(child.pid, 2000);
  }
  const left = readdirSync(tmp).filter((name) => name !== loaderCache).sort();
  if (left.length > 0) problems.push(`left in the temporary folder: ${left.map((name) => describeEntry(name)).join(', ')}`);
  rmSync(work, { recursive: true, force: true });

  const failed = Math.max(0, total - passed - skipped) + dropped.length;
  for (const problem of problems) process.stdout.write(`\nerror: ${problem}`);
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  process.exitCode = code !== 0 || failed > 0 || total === 0 || problems.length > 0 ? 1 : 0;
}

function readReport() {
  try {
    return JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group has ended.
  }
}

/** Whether every process of the group has ended within `ms`. */
async function groupEnds(pgid, ms) {
  for (let waited = 0; waited <= ms; waited += 100) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
    await sleep(100);
  }
  return false;
}

/** A name left in the temporary folder, with what it is and how many files it holds. */
function describeEntry(name) {
  const full = path.join(tmp, name);
  try {
    const files = readdirSync(full, { recursive: true }).length;
    return `${name}/ (${files} ${files === 1 ? 'entry' : 'entries'})`;
  } catch {
    return name;
  }
}

/**
 * tsx keeps its compile cache in `$TMPDIR/tsx-<uid>`; a link to the machine's own keeps it warm.
 * It belongs to the test harness, so the check for leftovers passes it over. Returns its name.
 */
function shareLoaderCache(dir) {
  const name = `tsx-${process.geteuid?.() ?? os.userInfo().username}`;
  const shared = path.join(os.tmpdir(), name);
  mkdirSync(shared, { recursive: true, mode: 0o700 });
  if (!existsSync(path.join(dir, name))) symlinkSync(shared, path.join(dir, name));
  return name;
}
