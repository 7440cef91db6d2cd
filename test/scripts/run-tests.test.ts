// The test runner (`npm test`) on small suite files of its own (test/fixtures/runner): it fails
// the run, saying why, when a test would not run or when anything is left in the temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../helpers/run-cli.js';

/** The runner on one fixture file: its exit code and the lines it printed after uvu's report. */
function runOn(file: string, env: Record<string, string> = {}): { code: number | null; stdout: string; tail: string[] } {
  const pattern = `fixtures/runner/${file.replace(/\./g, '\\.')}$`;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-tests.mjs'), pattern], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  const lines = result.stdout.split('\n').filter((line) => line.trim() !== '');
  const summary = lines.findIndex((line) => /^\s*Duration:/.test(line));
  return { code: result.status, stdout: result.stdout, tail: lines.slice(summary + 1) };
}

test('a clean suite file passes and the run ends with the summary line', () => {
  const run = runOn('clean.case.ts');
  assert.is(run.code, 0, run.stdout);
  assert.equal(run.tail, ['1 passed, 0 failed, 0 skipped']);
});

test('a test registered after run() fails the run, named with its file and line', () => {
  const run = runOn('late.case.ts');
  assert.is(run.code, 1, run.stdout);
  assert.equal(run.tail, [
    'error: test/fixtures/runner/late.case.ts:9: the test "comes after run()" did not run: no run() of its suite came after it in its file',
    '1 passed, 1 failed, 0 skipped',
  ]);
});

test('a suite whose run() is never called fails the run, naming the suite', () => {
  const run = runOn('never-run.case.ts');
  assert.is(run.code, 1, run.stdout);
  assert.equal(run.tail, [
    'error: test/fixtures/runner/never-run.case.ts:6: the test "is never run" of suite "forgotten" did not run: no run() of its suite came after it in its file',
    '0 passed, 1 failed, 0 skipped',
  ]);
});

test('a file reaching uvu past the check fails the run instead of going unseen', () => {
  const run = runOn('bypass.case.mjs');
  assert.is(run.code, 1, run.stdout);
  assert.equal(run.tail, ['error: uvu ran 1 tests but the registration check saw 0: a test file bypassed it', '1 passed, 0 failed, 0 skipped']);
});

test('a process a test started that outlives the suite fails the run, and is killed', () => {
  const run = runOn('outlives.case.ts');
  assert.is(run.code, 1, run.stdout);
  assert.equal(run.tail, [
    'error: processes the tests started were still running 5 s after the suite ended; they were killed',
    '1 passed, 0 failed, 0 skipped',
  ]);
});

test('a test that never settles is stopped after the idle limit, naming its file, and fails the run', () => {
  const run = runOn('never-settles.case.ts', { TEST_IDLE_LIMIT_MS: '2000' });
  assert.is(run.code, 1, run.stdout);
  assert.match(
    run.stdout,
    '\nerror: no test finished for 2 s (the last file started: test/fixtures/runner/never-settles.case.ts); it was stopped\n0 passed, 0 failed, 0 skipped\n',
  );
});

test('a suite kept alive after its last test is stopped and fails the run, though its tests passed', () => {
  const run = runOn('kept-alive.case.ts', { TEST_EXIT_GRACE_MS: '1000' });
  assert.is(run.code, 1, run.stdout);
  assert.equal(run.tail, [
    'error: the suite did not end within 1 s of its last test: something a test started kept it alive (the last file started: test/fixtures/runner/kept-alive.case.ts); it was stopped',
    '1 passed, 0 failed, 0 skipped',
  ]);
});

test('anything left in the temporary folder fails the run, named; the folder is a fresh one, removed after', () => {
  const run = runOn('leaves-tmp.case.ts');
  assert.is(run.code, 1, run.stdout);
  assert.equal(run.tail, ['error: left in the temporary folder: left-behind/ (1 entry)', '1 passed, 0 failed, 0 skipped']);
  const tmp = /^temporary folder: (.+)$/m.exec(run.stdout)?.[1];
  assert.match(tmp ?? '', /\/brief-test-run-\w+\/tmp$/);
  assert.not.ok(existsSync(tmp!), `${tmp} is removed`);
});

test.run();
