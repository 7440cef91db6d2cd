import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Worker } from 'node:worker_threads';
import { loadFacts } from '../../src/facts/load.js';
import type { FactsAnswer, FactsRequest } from '../../src/facts/load-facts-in-worker.js';
import { copyFixture, fixture } from '../helpers/fixtures.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const SOURCE = fixture('facts/source.txt');

/** `brief check` on the valid fixture plus one bad file. */
async function checkWithBadFile(name: string, extra: string[] = []) {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    await copyFile(fixture('facts/bad', name), path.join(dir, name));
    const result = runCli(['check', '--data', dir, ...extra]);
    return { ...result, file: path.join(dir, name) };
  } finally {
    await remove();
  }
}

function assertOneLineError(result: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  assert.is(result.code, 1, `exit code; stderr: ${result.stderr}`);
  const lines = result.stderr.trim().split('\n');
  assert.is(lines.length, 2, `one problem line and a count: ${result.stderr}`);
  assert.match(lines[0] ?? '', pattern);
  assert.is(lines[1], '1 problem found');
  assert.not.match(result.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

test('the valid fixture checks clean, excerpts and quotes included', () => {
  const result = runCli(['check', '--data', fixture('facts/valid'), '--source', SOURCE]);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stderr, '');
  assert.is(result.stdout, 'ok: 3 files, 2 programmes, 1 topic, 4 claims; verified 3 excerpts and 1 quote against lakeside-news (test/fixtures/facts/source.txt)\n');
});

test('malformed YAML names the file, line and column', async () => {
  const result = await checkWithBadFile('malformed-yaml.yaml');
  assertOneLineError(result, /malformed-yaml\.yaml:\d+:\d+ {2}\(file\) {2}YAML: /);
});

test('a wrong type names the field and what was expected', async () => {
  const result = await checkWithBadFile('wrong-type.yaml');
  assertOneLineError(
    result,
    /wrong-type\.yaml:5:12 {2}programmes\[0\]\.level {2}expected one of: international, national, state, provincial, regional, municipal, institution, company, other; got 3$/,
  );
});

test('an unknown field is an error that suggests the field meant', async () => {
  const result = await checkWithBadFile('unknown-field.yaml');
  assertOneLineError(result, /unknown-field\.yaml:8:5 {2}programmes\[0\]\.publicty {2}unknown field "publicty"; did you mean "publicity"\?/);
});

test('a duplicate id points at the first definition', async () => {
  const result = await checkWithBadFile('duplicate-id.yaml');
  // Files are read in path order, so duplicate-id.yaml holds the first "lantern".
  assertOneLineError(result, /programmes\.yaml:2:9 {2}programmes\[0\]\.id {2}duplicate id "lantern" in programmes; first defined at .*duplicate-id\.yaml:2:5$/);
});

test('a reference to nothing names what it refers to', async () => {
  const result = await checkWithBadFile('dangling-reference.yaml');
  assertOneLineError(result, /dangling-reference\.yaml:9:18 {2}programmes\[0\]\.predecessor {2}refers to programme "no-such-programme", which is not in the data$/);
});

test('an id holding a path is refused', async () => {
  const result = await checkWithBadFile('path-id.yaml');
  assertOneLineError(result, /path-id\.yaml:2:9 {2}topics\[0\]\.id {2}expected an id of lowercase letters, digits and hyphens \(like "talent-plan-2020"\), got "\.\.\/escape"$/);
});

test('an excerpt not in the source is listed with its place', async () => {
  const result = await checkWithBadFile('excerpt-not-in-source.yaml', ['--source', SOURCE]);
  // The nearest passage is shown as matching reads it: curly apostrophes made straight.
  assertOneLineError(result, /excerpt-not-in-source\.yaml:6:14 {2}claims\[0\]\.excerpt {2}excerpt not found in .*source\.txt: "the council promised free houses to every engineer"; the nearest passage in the text is "the council's talen…": from character 12 of the excerpt it has "'" \(U\+0027\) where the excerpt has " " \(U\+0020\)$/);
});

test('a file that is not UTF-8 names the line and column of the first bad byte', async () => {
  const result = await checkWithBadFile('not-utf8.yaml');
  assertOneLineError(result, /not-utf8\.yaml:3:15 {2}\(file\) {2}the file is not UTF-8 \(byte 0xe9 at offset \d+\); save it as UTF-8$/);
});

test('an empty data folder says what it expected', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-empty-'));
  try {
    const result = runCli(['check', '--data', dir]);
    assert.is(result.code, 1);
    assert.match(result.stderr, /^error: \/.*brief-empty-\w+:1:1 {2}\(file\) {2}the data folder holds no \.yaml files; expected at least one with `meta:`.*\n$/);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('every problem is reported at once, each on its own line', async () => {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    for (const name of ['wrong-type.yaml', 'unknown-field.yaml', 'path-id.yaml']) {
      await copyFile(fixture('facts/bad', name), path.join(dir, name));
    }
    const result = runCli(['check', '--data', dir]);
    assert.is(result.code, 1);
    assert.match(result.stderr, /wrong-type\.yaml:5:12/);
    assert.match(result.stderr, /unknown-field\.yaml:8:5/);
    assert.match(result.stderr, /path-id\.yaml:2:9/);
    assert.match(result.stderr, /3 problems found/);
  } finally {
    await remove();
  }
});

test('brief build reads the data on a worker thread and reports its problems exactly as brief check does', async () => {
  const { dir, remove } = await copyFixture('facts/valid');
  const out = await mkdtemp(path.join(os.tmpdir(), 'brief-bad-build-'));
  try {
    for (const name of ['wrong-type.yaml', 'unknown-field.yaml', 'path-id.yaml']) {
      await copyFile(fixture('facts/bad', name), path.join(dir, name));
    }
    const check = runCli(['check', '--data', dir]);
    const build = runCli(['build', '--data', dir, '--out', out, '--format', 'html']);
    assert.is(build.code, 1, build.stderr);
    const problems = (stderr: string) => stderr.split('\n').filter((line) => /\.yaml:\d+:\d+/.test(line));
    assert.is(problems(build.stderr).length, 3, build.stderr);
    assert.equal(problems(build.stderr), problems(check.stderr));
    assert.not.match(build.stderr, /\n\s+at /, 'no stack trace');
    const missing = runCli(['build', '--data', path.join(dir, 'nowhere'), '--out', out, '--format', 'html']);
    assert.is(missing.code, 1);
    assert.match(missing.stderr, /^error: data folder not found: .*nowhere \(give one with --data DIR\)\n$/);
  } finally {
    await remove();
    await rm(out, { recursive: true, force: true });
  }
});

test('the bundled worker a build reads the data on gives the facts loadFacts gives, and the problems', async () => {
  const ask = (dataDir: string) =>
    new Promise<FactsAnswer>((resolve, reject) => {
      const request: FactsRequest = { dataDir, cwd: undefined };
      const worker = new Worker(path.join(ROOT, 'dist/brief-facts-worker.js'), { workerData: request });
      worker.once('message', (answer: FactsAnswer) => void worker.terminate().then(() => resolve(answer)));
      worker.once('error', reject);
    });
  const bundled = path.join(ROOT, 'data');
  const answer = await ask(bundled);
  assert.ok('facts' in answer, JSON.stringify(answer).slice(0, 300));
  assert.equal(answer.facts, await loadFacts(bundled));
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    await copyFile(fixture('facts/bad', 'wrong-type.yaml'), path.join(dir, 'wrong-type.yaml'));
    const bad = await ask(dir);
    assert.ok('error' in bad && bad.error.kind === 'data' && bad.error.problems.some((p) => p.file.endsWith('wrong-type.yaml')), JSON.stringify(bad));
  } finally {
    await remove();
  }
});

test('dot-files and dot-folders in the data folder are not data, as the build and the watchers agree', async () => {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    await mkdir(path.join(dir, '.drafts'));
    await copyFile(fixture('facts/bad/wrong-type.yaml'), path.join(dir, '.drafts', 'wrong-type.yaml'));
    await copyFile(fixture('facts/bad/unknown-field.yaml'), path.join(dir, '.unknown-field.yaml'));
    const result = runCli(['check', '--data', dir]);
    assert.is(result.code, 0, result.stderr);
    assert.match(result.stdout, /ok: 3 files/);
  } finally {
    await remove();
  }
});

test('a mistyped templates folder is a usage error, not a silent fall-back to the bundled templates', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-no-theme-'));
  try {
    const result = runCli(['build', '--data', fixture('facts/valid'), '--templates', '/nonexistent/theme', '--format', 'html', '--out', path.join(dir, 'output')]);
    assert.is(result.code, 2);
    assert.is(result.stderr.trim(), 'error: templates folder not found: /nonexistent/theme');
    assert.equal(await readdir(dir), [], 'no output folder was made');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('brief schema --write into a place that cannot hold a folder is a one-line output error', () => {
  const result = runCli(['schema', '--write', path.join(fixture('facts/source.txt'), 'schema')]);
  assert.is(result.code, 4);
  assert.match(result.stderr, /^error: cannot create .*source\.txt\/schema: ENOTDIR/);
  assert.not.match(result.stderr, /\n\s+at /);
});

test('a missing data folder is a one-line error', () => {
  const result = runCli(['check', '--data', '/nonexistent/briefs']);
  assert.is(result.code, 1);
  assert.is(result.stderr.trim(), 'error: data folder not found: /nonexistent/briefs (give one with --data DIR)');
});

test.run();
