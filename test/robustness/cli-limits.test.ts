// Issue 20, the second hostile probe: numbers, dates, ids, folders and line endings the command
// line is given are refused in one line with the right exit code (2 for usage and config, 1 for
// data) or handled, never clamped or blamed on every document; `--json` answers every outcome.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../src/batch/run-batch.js';
import { readWholeNumber } from '../../src/cli/whole-numbers.js';
import { UsageError } from '../../src/errors.js';
import { fixture } from '../helpers/fixtures.js';
import { pdfInfo } from '../helpers/pdf.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { countBadInput, countFault, FIXTURE_DATA, makeTemp, snapshot, type Workspace } from './helpers.js';

let ws: Workspace;
/** A one-pager build of the build fixture, made once: the folder the read-only and --json cases start from. */
let built: string;

test.before(async () => {
  ws = await makeTemp('brief-limits-');
  await cp(FIXTURE_DATA, path.join(ws.dir, 'data'), { recursive: true });
  built = path.join(ws.dir, 'built');
  const result = runCli(['build', '--data', 'data', '--out', built, '--format', 'one-pager', '--quiet', '--no-config'], { cwd: ws.dir });
  assert.is(result.code, 0, result.stderr);
});
test.after(() => ws.remove());

/** `brief ARGS` in the workspace, with no config file. */
const brief = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli([...args, '--no-config'], { cwd: ws.dir, env });

/** The one line a refused command printed, and its exit code. */
function refusal(result: { code: number | null; stderr: string }): [number | null, string] {
  const lines = result.stderr.trimEnd().split('\n');
  assert.is(lines.length, 1, result.stderr);
  return [result.code, lines[0]!];
}

/** Runs `work` with `folder` unwritable even for root (chattr +i); false where chattr cannot. */
function whileImmutable(folder: string, work: () => void): boolean {
  if (spawnSync('chattr', ['+i', folder]).status !== 0) return false;
  try {
    work();
  } finally {
    spawnSync('chattr', ['-i', folder]);
  }
  return true;
}

// --- Numbers --------------------------------------------------------------------------------

const NOT_WHOLE = ['abc', '', '0', '-1', '1.5', '1e3', '1e99', 'NaN', 'Infinity', '0x10', ' 5', '+5'];

test('--timeout takes a whole number of ms up to 2147483647, the longest timer: 3000000000, 1e99 and the rest are refused, exit 2', () => {
  for (const value of [...NOT_WHOLE, '2147483648', '3000000000', '99999999999999999999']) {
    const [code, line] = refusal(brief(['build', '--data', 'data', '--out', 'never', `--timeout=${value}`]));
    assert.is(code, 2, value);
    assert.is(line, `error: --timeout expects a whole number of milliseconds from 1 to 2147483647, got ${JSON.stringify(value)}`);
    countBadInput(`--timeout ${value}`);
  }
  assert.not.ok(existsSync(path.join(ws.dir, 'never')), 'nothing written');
});

test('--concurrency and --port say what they expect and quote what they got: --port abc, not "got NaN"', () => {
  for (const value of [...NOT_WHOLE.filter((v) => v !== '0'), '65', '1000']) {
    const [code, line] = refusal(brief(['build', '--data', 'data', '--out', 'never', `--concurrency=${value}`]));
    assert.is(code, 2, value);
    assert.is(line, `error: --concurrency expects a whole number from 1 to 64, got ${JSON.stringify(value)}`);
    countBadInput(`--concurrency ${value}`);
  }
  for (const value of [...NOT_WHOLE.filter((v) => v !== '0'), '65536', '99999', '-0']) {
    const [code, line] = refusal(brief(['preview', '--data', 'data', `--port=${value}`]));
    assert.is(code, 2, value);
    assert.is(line, `error: --port expects a whole number from 0 to 65535, got ${JSON.stringify(value)}`);
    countBadInput(`--port ${value}`);
  }
});

test('the same rule holds for a BRIEF_* variable, for assemble and watch, and for an option given twice', () => {
  const [envCode, envLine] = refusal(brief(['build', '--data', 'data', '--out', 'never'], { BRIEF_TIMEOUT: '1e99' }));
  assert.is(envCode, 2);
  assert.is(envLine, 'error: BRIEF_TIMEOUT expects a whole number of milliseconds from 1 to 2147483647, got "1e99"');
  const [assembleCode, assembleLine] = refusal(brief(['assemble', 'a', 'b', '--out', 'never', '--timeout', '2147483648']));
  assert.is(assembleCode, 2);
  assert.is(assembleLine, 'error: --timeout expects a whole number of milliseconds from 1 to 2147483647, got "2147483648"');
  const [watchCode, watchLine] = refusal(brief(['watch', '--data', 'data', '--out', 'never', '--concurrency', '0']));
  assert.is(watchCode, 2);
  assert.is(watchLine, 'error: --concurrency expects a whole number from 1 to 64, got "0"');
  const [twiceCode, twiceLine] = refusal(brief(['build', '--data', 'data', '--out', 'never', '--timeout', '5', '--timeout', '6']));
  assert.is(twiceCode, 2);
  assert.is(twiceLine, 'error: --timeout is given 2 times ("5", "6"); give it once');
  assert.not.ok(existsSync(path.join(ws.dir, 'never')), 'nothing written');
  countBadInput('BRIEF_TIMEOUT=1e99');
  countBadInput('assemble --timeout 2147483648');
  countBadInput('--timeout given twice');
});

test('--shard K/N refuses N above 10000 and numbers past 2^53 instead of rounding them, exit 2', () => {
  const tooMany = (value: string) => `error: --shard wants at most 10000 shards (N); got "${value}"`;
  const malformed = (value: string) => `error: --shard wants K/N with 1 <= K <= N, like 2/4; got "${value}"`;
  for (const [value, said] of [
    ['1/10001', tooMany],
    ['1/99999999999999999999', tooMany],
    ['99999999999999999999/99999999999999999999', tooMany],
    ['1/1e3', malformed],
    ['0/0', malformed],
  ] as const) {
    const [code, line] = refusal(brief(['build', '--data', 'data', '--out', 'never', `--shard=${value}`]));
    assert.is(code, 2, value);
    assert.is(line, said(value));
    countBadInput(`--shard ${value}`);
  }
  assert.not.ok(existsSync(path.join(ws.dir, 'never')), 'nothing written');
});

test('whole numbers at the ends of each range are taken as they are, never clamped', () => {
  assert.is(readWholeNumber('timeout', '2147483647'), 2_147_483_647);
  assert.is(readWholeNumber('timeout', '1'), 1);
  assert.is(readWholeNumber('concurrency', '64'), 64);
  assert.is(readWholeNumber('concurrency', '007'), 7);
  assert.is(readWholeNumber('port', '0'), 0);
  assert.is(readWholeNumber('port', '65535'), 65_535);
  // A config file's value arrives as a number.
  assert.is(readWholeNumber('concurrency', 4), 4);
  assert.throws(() => readWholeNumber('concurrency', 4.5), /expects a whole number from 1 to 64, got "4.5"/);
});

test('a library caller gets the same limits: runBatch refuses timeoutMs 3000000000 and sourceDateEpoch past 9999, writing nothing', async () => {
  const out = path.join(ws.dir, 'library-out');
  for (const [options, said] of [
    [{ timeoutMs: 3_000_000_000 }, 'timeoutMs must be a whole number of milliseconds from 1 to 2147483647; got 3000000000'],
    [{ timeoutMs: 0.5 }, 'timeoutMs must be a whole number of milliseconds from 1 to 2147483647; got 0.5'],
    [{ sourceDateEpoch: 253_402_300_800 }, 'sourceDateEpoch must be whole seconds from 0 to 253402300799; got 253402300800'],
  ] as const) {
    const error = await runBatch({ dataDir: path.join(ws.dir, 'data'), outDir: out, ...options }).then(() => undefined, (e: unknown) => e);
    assert.instance(error, UsageError);
    assert.is((error as Error).message, said);
  }
  assert.not.ok(existsSync(out));
  countBadInput('library timeoutMs above 2^31-1');
});

// --- SOURCE_DATE_EPOCH -------------------------------------------------------------------------

test('SOURCE_DATE_EPOCH past 9999-12-31T23:59:59Z, or not whole seconds, is a usage error, exit 2', () => {
  for (const value of ['253402300800', '99999999999999', '1e10', '-86400', '-1', '1.5', ' 1', '0x10', 'abc']) {
    const [code, line] = refusal(brief(['build', '--data', 'data', '--out', 'never'], { SOURCE_DATE_EPOCH: value }));
    assert.is(code, 2, value);
    assert.is(line, `error: SOURCE_DATE_EPOCH wants whole seconds since 1970, from 0 to 253402300799 (9999-12-31T23:59:59Z), like 1692835200; got "${value}"`);
    countBadInput(`SOURCE_DATE_EPOCH=${value}`);
  }
  assert.not.ok(existsSync(path.join(ws.dir, 'never')), 'nothing written');
});

test('SOURCE_DATE_EPOCH 253402300799, the last second allowed, is the date the PDF carries', () => {
  const out = path.join(ws.dir, 'epoch');
  const result = brief(['build', '--data', 'data', '--out', out, '--programme', 'alpha', '--format', 'one-pager', '--quiet'], { SOURCE_DATE_EPOCH: '253402300799' });
  assert.is(result.code, 0, result.stderr);
  assert.is(pdfInfo(path.join(out, 'programmes/alpha/alpha-one-pager.pdf')).CreationDate, 'Fri Dec 31 23:59:59 9999 UTC');
});

// --- The output folder ---------------------------------------------------------------------------

test('--out the bundled templates, a folder in them, a link to them or a folder holding them is refused, exit 2, writing nothing there', async () => {
  const templates = path.join(ROOT, 'templates');
  const before = await snapshot(templates);
  await symlink(templates, path.join(ws.dir, 'to-templates'));
  await symlink(path.join(templates, 'styles'), path.join(ws.dir, 'to-styles'));
  await symlink(path.join(templates, 'not-there-yet'), path.join(ws.dir, 'dangling'));
  const cases: [string, string][] = [
    [templates, `is the bundled templates folder ${templates}`],
    [path.join(templates, 'styles'), `is inside the bundled templates folder ${templates}`],
    [path.join(templates, 'new/deeper'), `is inside the bundled templates folder ${templates}`],
    ['to-templates', `is the bundled templates folder ${templates}`],
    ['to-styles/out', `is inside the bundled templates folder ${templates}`],
    ['dangling', `is inside the bundled templates folder ${templates}`],
    [ROOT, `holds the bundled templates folder ${templates}`],
    ['.', 'holds the data folder data'],
  ];
  for (const [out, said] of cases) {
    for (const command of ['build', 'watch']) {
      const [code, line] = refusal(brief([command, '--data', 'data', '--out', out]));
      assert.is(code, 2, `${command} --out ${out}`);
      assert.ok(line.endsWith(` ${said}: the outputs would mix with the inputs; choose another output folder`), line);
    }
    countBadInput(`--out ${out}`);
  }
  assert.equal(await snapshot(templates), before, 'the bundled templates are as they were');
  assert.not.ok(existsSync(path.join(ws.dir, 'manifest.json')));
});

test('with --templates, that folder is the one guarded: --out holding it or inside it is refused', async () => {
  await mkdir(path.join(ws.dir, 'theme/inner'), { recursive: true });
  const holds = refusal(brief(['build', '--data', 'data', '--templates', 'theme/inner', '--out', 'theme']));
  assert.equal(holds, [2, 'error: --out theme holds the templates folder theme/inner: the outputs would mix with the inputs; choose another output folder']);
  const inside = refusal(brief(['build', '--data', 'data', '--templates', 'theme', '--out', 'theme/inner/out']));
  assert.equal(inside, [2, 'error: --out theme/inner/out is inside the templates folder theme: the outputs would mix with the inputs; choose another output folder']);
  assert.equal(await readdir(path.join(ws.dir, 'theme')), ['inner']);
  countBadInput('--out holding --templates');
});

// --- TMPDIR ----------------------------------------------------------------------------------------

test('a missing, file or unwritable TMPDIR is one line naming it, exit 2, and nothing is written', async () => {
  const file = path.join(ws.dir, 'a-file');
  await writeFile(file, 'x');
  const locked = path.join(ws.dir, 'locked-tmp');
  await mkdir(locked);
  const out = path.join(ws.dir, 'tmpdir-out');
  const cases: [string, string][] = [
    [path.join(ws.dir, 'no-such-tmp'), 'does not exist'],
    [path.join(file, 'below-a-file'), 'does not exist'],
    [file, 'is not a folder'],
  ];
  for (const [tmp, said] of cases) {
    for (const args of [['build', '--force'], ['build', '--zip']]) {
      const result = brief([...args, '--data', 'data', '--out', out], { TMPDIR: tmp });
      assert.equal(refusal(result), [2, `error: the temporary folder ${tmp} (TMPDIR) ${said}`]);
    }
    countFault(`TMPDIR ${said}`);
  }
  const immutable = whileImmutable(locked, () => {
    const result = brief(['build', '--data', 'data', '--out', out], { TMPDIR: locked });
    assert.equal(refusal(result), [2, `error: the temporary folder ${locked} (TMPDIR) is not writable (EPERM)`]);
  });
  if (immutable) countFault('TMPDIR read-only');
  assert.not.ok(existsSync(out), 'no output folder made');
});

// --- Audience ids ------------------------------------------------------------------------------------

test('an audience id longer than 80 characters is refused at its line by the config check, before anything is written', async () => {
  for (const length of [81, 255, 300, 5000]) {
    await writeFile(path.join(ws.dir, 'brief.config.yaml'), `audiences:\n  - id: ${'a'.repeat(length)}\n    title: Board\n`);
    for (const command of [['config'], ['build', '--out', 'never']]) {
      const result = runCli([...command, '--data', 'data'], { cwd: ws.dir });
      assert.equal(refusal(result), [2, `error: brief.config.yaml:2:9  audiences[0].id is ${length} characters long: an id is a folder name of at most 80 characters, e.g. "board"`]);
    }
    countBadInput(`audience id of ${length} characters`);
  }
  await writeFile(path.join(ws.dir, 'brief.config.yaml'), `audiences:\n  - id: ${'a'.repeat(80)}\n    title: Board\n`);
  const eighty = runCli(['config', '--data', 'data'], { cwd: ws.dir });
  await rm(path.join(ws.dir, 'brief.config.yaml'));
  assert.is(eighty.code, 0, eighty.stderr);
  assert.not.ok(existsSync(path.join(ws.dir, 'never')));
});

// --- migrate ---------------------------------------------------------------------------------------

const asLines = (text: string, ending: string) => text.replace(/\n/g, ending);

test('migrate keeps a CRLF file CRLF on every line, and its BOM; an LF file stays LF', async () => {
  const BOM = '\uFEFF';
  for (const [name, ending, bom] of [['crlf-bom', '\r\n', BOM], ['crlf', '\r\n', ''], ['lf-bom', '\n', BOM]] as const) {
    const dir = path.join(ws.dir, name);
    await mkdir(path.join(dir, 'data'), { recursive: true });
    const old = fixture('migrate/old');
    for (const file of await readdir(old)) await writeFile(path.join(dir, 'data', file), bom + asLines(await readFile(path.join(old, file), 'utf8'), ending));
    const result = runCli(['migrate', '--data', 'data', '--no-config'], { cwd: dir });
    assert.is(result.code, 0, result.stderr);
    const expected = fixture('migrate/expected');
    for (const file of await readdir(expected)) {
      const written = readFileSync(path.join(dir, 'data', file), 'utf8');
      assert.is(written, bom + asLines(await readFile(path.join(expected, file), 'utf8'), ending), `${name}: ${file}`);
      if (ending === '\r\n') assert.not.match(written, /[^\r]\n/, `${name}: ${file} has no LF-only line`);
    }
    countBadInput(`migrate of a ${name} folder`);
  }
});

test("an unconvertible folder makes migrate exit 1, a data problem, as the README's exit-code table says", async () => {
  const dir = path.join(ws.dir, 'refused');
  await cp(fixture('migrate/refused'), path.join(dir, 'data'), { recursive: true });
  const result = runCli(['migrate', '--data', 'data', '--no-config'], { cwd: dir });
  assert.is(result.code, 1, result.stderr);
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const row = (code: number) => readme.split('\n').find((line) => line.startsWith(`| ${code} | `)) ?? '';
  assert.match(row(1), 'a data folder `brief migrate` cannot convert');
  assert.not.match(row(2), 'migrate');
  countBadInput('migrate of an unconvertible folder');
});

// --- A read-only output folder ------------------------------------------------------------------------

test('a no-op build succeeds in an output folder nobody can write in; one with something to write says it is read-only, exit 4', async () => {
  const before = await snapshot(built);
  const immutable = whileImmutable(built, () => {
    const noop = brief(['build', '--data', 'data', '--out', built, '--format', 'one-pager']);
    assert.is(noop.code, 0, noop.stderr);
    assert.match(noop.stdout, /^nothing changed: 3 documents up to date in built /);
    const json = brief(['build', '--data', 'data', '--out', built, '--format', 'one-pager', '--json']);
    assert.is(json.code, 0, json.stderr);
    assert.equal([JSON.parse(json.stdout).ok, JSON.parse(json.stdout).noop], [true, true]);
    for (const args of [['--force'], ['--format', 'brief']]) {
      const forced = brief(['build', '--data', 'data', '--out', built, ...args]);
      assert.equal(refusal(forced), [4, `error: the output folder ${built} is read-only (EPERM): a build that has something to write needs to write there`]);
    }
  });
  if (!immutable) return; // no chattr here: nothing makes a folder read-only to root
  assert.equal(await snapshot(built), before, 'the outputs are as they were');
  countFault('read-only output folder, no-op build');
  countFault('read-only output folder, build with work');
});

// --- --json for every outcome -------------------------------------------------------------------------

/** The --json summary a command printed on stdout, checked against its exit code. */
function summaryOf(result: { code: number | null; stdout: string; stderr: string }) {
  const summary = JSON.parse(result.stdout) as { ok: boolean; exitCode: number; failures: Record<string, unknown>[]; documents?: { key: string }[] };
  assert.is(summary.exitCode, result.code, result.stderr);
  assert.is(summary.ok, result.code === 0);
  return summary;
}

test('--json prints its summary when the data is wrong: build and check, each problem with its file, line and message, exit 1', async () => {
  const data = path.join(ws.dir, 'bad-data');
  await cp(path.join(ws.dir, 'data'), data, { recursive: true });
  await writeFile(path.join(data, 'meta.yaml'), 'asOf: not-a-date\n');
  for (const command of [['check'], ['build', '--out', 'never']]) {
    const summary = summaryOf(brief([...command, '--data', 'bad-data', '--json']));
    assert.is(summary.exitCode, 1);
    assert.ok(summary.failures.length > 0);
    assert.ok(summary.failures.some((f) => f.file === 'bad-data/meta.yaml'), JSON.stringify(summary.failures));
    for (const failure of summary.failures) {
      assert.type(failure.file, 'string');
      assert.type(failure.line, 'number');
      assert.type(failure.message, 'string');
    }
  }
  const good = summaryOf(brief(['check', '--data', 'data', '--json']));
  assert.equal([good.ok, good.failures], [true, []]);
  countBadInput('--json with a data error');
});

test('--json prints its summary for a usage error, a refused assemble and a partial build, each failure with its document and reason', async () => {
  const usage = summaryOf(brief(['build', '--data', 'data', '--out', 'never', '--json', '--port-typo']));
  assert.is(usage.exitCode, 2);
  const number = summaryOf(brief(['build', '--data', 'data', '--out', 'never', '--json', '--timeout', 'abc']));
  assert.equal(number.failures, [{ reason: '--timeout expects a whole number of milliseconds from 1 to 2147483647, got "abc"' }]);
  const assemble = summaryOf(brief(['assemble', built, '--data', 'data', '--out', 'assembled', '--json']));
  assert.is(assemble.exitCode, 2);
  assert.is(assemble.failures.length, 1);
  assert.not.ok(existsSync(path.join(ws.dir, 'assembled', 'manifest.json')));
  const partial = path.join(ws.dir, 'partial');
  await cp(built, partial, { recursive: true });
  const immutable = whileImmutable(path.join(partial, 'programmes/alpha'), () => {
    const summary = summaryOf(brief(['build', '--data', 'data', '--out', partial, '--format', 'one-pager', '--force', '--json']));
    assert.is(summary.exitCode, 4);
    assert.equal(summary.failures.map((f) => [f.document, f.path]), [['programmes/alpha/one-pager', 'programmes/alpha/alpha-one-pager.pdf']]);
    assert.match(String(summary.failures[0]!.reason), /^cannot write .*alpha-one-pager\.pdf: EPERM/);
    assert.equal(summary.documents!.map((d) => d.key).sort(), ['programmes/beta/one-pager', 'topics/recruitment/one-pager']);
  });
  countBadInput('--json with a usage error');
  countBadInput('--json with a refused assemble');
  if (immutable) countFault('--json with a partial build');
});

test.run();
