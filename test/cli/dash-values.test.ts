// Issue 11: a value starting with "-" after an option that takes a value reaches that option
// (`--shard -1/2` had said "Unknown argument: 1"), while flags, `--` and `--opt=value` keep meaning
// what they meant.
import os from 'node:os';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../helpers/run-cli.js';

/** `brief ARGS` outside any project, with no config file. */
const brief = (args: string[]) => runCli([...args, '--no-config'], { cwd: os.tmpdir() });

test('--shard -1/2 reaches --shard, which says what it wants, exit 2', () => {
  const result = brief(['build', '--shard', '-1/2']);
  assert.is(result.code, 2);
  assert.is(result.stderr, 'error: --shard wants K/N with 1 <= K <= N, like 2/4; got "-1/2"\n');
});

test('--shard=-1/2 says the same', () => {
  const result = brief(['build', '--shard=-1/2']);
  assert.is(result.code, 2);
  assert.is(result.stderr, 'error: --shard wants K/N with 1 <= K <= N, like 2/4; got "-1/2"\n');
});

test('negative numbers keep their usage errors: --concurrency -1 and --timeout -5, exit 2', () => {
  const concurrency = brief(['build', '--concurrency', '-1']);
  assert.is(concurrency.code, 2);
  assert.is(concurrency.stderr, 'error: --concurrency expects a whole number from 1 to 64, got "-1"\n');
  const timeout = brief(['build', '--timeout', '-5']);
  assert.is(timeout.code, 2);
  assert.is(timeout.stderr, 'error: --timeout expects a whole number of milliseconds from 1 to 2147483647, got "-5"\n');
});

test('any option that takes a value gets a value starting with "-": --distribution -INTERNAL-', () => {
  const result = brief(['config', '--distribution', '-INTERNAL-', '--author', '--- desk ---']);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, 'distribution       "-INTERNAL-"  (flag)\n');
  assert.match(result.stdout, 'author             "--- desk ---"  (flag)\n');
});

test("the command line's own flags after such an option stay flags: --distribution --json, --author -q", () => {
  const json = brief(['config', '--distribution', '--json']);
  assert.is(json.code, 0, json.stderr);
  assert.is(JSON.parse(json.stdout).settings.distribution.value, '');
  const quiet = brief(['config', '--author', '-q']);
  assert.is(quiet.code, 0, quiet.stderr);
  assert.is(quiet.stdout, '', '-q stayed the quiet flag');
});

test('-- still ends the options: what follows it is not taken as a value', () => {
  const result = brief(['config', '--author', '--', '-x']);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, 'author             ""  (flag)\n');
});

test('an unknown flag is still refused where no option wants a value: --force -x, exit 2', () => {
  const result = brief(['build', '--force', '-x']);
  assert.is(result.code, 2);
  assert.is(result.stderr, 'error: Unknown argument: x\nRun "brief --help" for usage.\n');
});

test.run();
