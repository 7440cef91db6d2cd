// `brief migrate`: a folder written for the first data model, rewritten in place to the current
// one, comments and order kept; a second run changes nothing; a folder it cannot convert is left
// as it was, every file of it.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

/** A copy of a migrate fixture as `data/` in a folder of its own, where the CLI runs. */
async function copyAsData(name: string): Promise<{ cwd: string; remove: () => Promise<void> }> {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'brief-migrate-'));
  await cp(fixture('migrate', name), path.join(cwd, 'data'), { recursive: true });
  return { cwd, remove: () => rm(cwd, { recursive: true, force: true }) };
}

async function readFolder(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')] as const)));
}

const CHANGES = [
  'data/claims.yaml:8:43  claims[0].figures[0].qualifier  qualifier "thousands" becomes value "thousands" (was value 2000)',
  'data/programmes.yaml:13:9  programmes[0].incentives[0]  currency: CNY written out (the old default)',
  'data/programmes.yaml:17:9  programmes[0].incentives[0].usdAsReported  becomes reported, with currency: USD',
  'data/programmes.yaml:22:11  programmes[0].incentives[0].rate.usdPerUnit  becomes rate, with to: USD',
  'data/programmes.yaml:25:9  programmes[0].incentives[1]  currency: CNY written out (the old default)',
  'data/programmes.yaml:27:9  programmes[0].incentives[1].min  min and max are both 50000: written as amount: 50000',
  'data/programmes.yaml:30:73  programmes[0].incentives[2].usdAsReported  becomes reported, with currency: USD',
  'data/programmes.yaml:33:7  programmes[0].scale.targets  becomes an item of the scale list, labelled "Recruitment target"',
  'data/programmes.yaml:37:7  programmes[0].scale.applicants  becomes an item of the scale list, keeping its own label',
  'data/programmes.yaml:40:9  programmes[0].scale.applicants.qualifier  qualifier "thousands" becomes value "thousands" (was value 1000)',
  'data/programmes.yaml:42:7  programmes[0].scale.recruited  becomes an item of the scale list, labelled "Recruited"',
  'data/programmes.yaml:51:9  programmes[1].scale.applicants  becomes an item of the scale list, labelled "Applicants"',
  'data/programmes.yaml:54:9  programmes[1].scale.recruited  becomes an item of the scale list, keeping its own label',
  'data/programmes.yaml:60:13  programmes[1].incentives[0].min  min and max are both 4000: written as amount: 4000',
];

test('migrate rewrites an old folder in place, one line per change, comments and key order kept', async () => {
  const { cwd, remove } = await copyAsData('old');
  try {
    const result = runCli(['migrate', '--data', 'data'], { cwd });
    assert.is(result.stderr, '');
    assert.is(result.code, 0);
    assert.equal(result.stdout.trimEnd().split('\n'), [...CHANGES, 'migrated: 14 changes in 2 files']);
    assert.equal(await readFolder(path.join(cwd, 'data')), await readFolder(fixture('migrate/expected')));
    const check = runCli(['check', '--data', 'data'], { cwd });
    assert.is(check.code, 0, check.stderr);
    assert.match(check.stdout, /^ok: 3 files, 2 programmes, 0 topics, 1 claim/);
  } finally {
    await remove();
  }
});

test('a second migrate changes nothing and says so', async () => {
  const { cwd, remove } = await copyAsData('expected');
  try {
    const result = runCli(['migrate', '--data', 'data'], { cwd });
    assert.is(result.code, 0, result.stderr);
    assert.is(result.stdout, 'nothing to migrate: 3 files already follow the current data model\n');
    assert.equal(await readFolder(path.join(cwd, 'data')), await readFolder(fixture('migrate/expected')));
  } finally {
    await remove();
  }
});

test('migrate --dry-run prints the changes and writes nothing', async () => {
  const { cwd, remove } = await copyAsData('old');
  try {
    const result = runCli(['migrate', '--data', 'data', '--dry-run'], { cwd });
    assert.is(result.code, 0, result.stderr);
    assert.equal(result.stdout.trimEnd().split('\n'), [...CHANGES, 'would make 14 changes in 2 files (dry run: no file was changed)']);
    assert.equal(await readFolder(path.join(cwd, 'data')), await readFolder(fixture('migrate/old')));
  } finally {
    await remove();
  }
});

test('a folder holding something migrate cannot convert is refused whole: no file changes, not even the convertible one', async () => {
  const { cwd, remove } = await copyAsData('refused');
  try {
    const result = runCli(['migrate', '--data', 'data'], { cwd });
    assert.is(result.code, 1);
    assert.is(result.stdout, '');
    assert.equal(result.stderr.trimEnd().split('\n'), [
      'data/programmes.yaml:11:7  programmes[0].scale.graduates  cannot migrate: scale has "graduates", not one of targets, applicants, recruited; write the scale as a list of labelled figures by hand',
      '1 problem found; no file was changed',
    ]);
    assert.equal(await readFolder(path.join(cwd, 'data')), await readFolder(fixture('migrate/refused')));
  } finally {
    await remove();
  }
});

test('a file that is not YAML is refused at its line, and nothing is written', async () => {
  const { cwd, remove } = await copyAsData('old');
  try {
    await writeFile(path.join(cwd, 'data', 'broken.yaml'), 'claims:\n  - id: [unclosed\n');
    const result = runCli(['migrate', '--data', 'data'], { cwd });
    assert.is(result.code, 1);
    assert.equal(result.stderr.trimEnd().split('\n'), [
      'data/broken.yaml:3:1  (file)  YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '1 problem found; no file was changed',
    ]);
    assert.equal((await readFolder(path.join(cwd, 'data')))['programmes.yaml'], (await readFolder(fixture('migrate/old')))['programmes.yaml']);
  } finally {
    await remove();
  }
});

test('check on an old folder names each old form and brief migrate', async () => {
  const { cwd, remove } = await copyAsData('old');
  try {
    const result = runCli(['check', '--data', 'data'], { cwd });
    assert.is(result.code, 1);
    const migrate = 'run brief migrate to rewrite it';
    const scale = `scale is a mapping (targets, applicants, recruited), the first data model's form; it is now a list of labelled figures: ${migrate}`;
    assert.equal(result.stderr.trimEnd().split('\n'), [
      `data/claims.yaml:8:54  claims[0].figures[0].qualifier  qualifier "thousands" is the first data model's form; write value: thousands without it, or ${migrate}`,
      `data/programmes.yaml:17:9  programmes[0].incentives[0].usdAsReported  "usdAsReported" is the first data model's form of "reported"; ${migrate}`,
      `data/programmes.yaml:22:11  programmes[0].incentives[0].rate.usdPerUnit  "usdPerUnit" is the first data model's form of "rate"; ${migrate}`,
      `data/programmes.yaml:30:73  programmes[0].incentives[2].usdAsReported  "usdAsReported" is the first data model's form of "reported"; ${migrate}`,
      `data/programmes.yaml:33:7  programmes[0].scale  ${scale}`,
      `data/programmes.yaml:51:9  programmes[1].scale  ${scale}`,
      '6 problems found',
    ]);
  } finally {
    await remove();
  }
});

test.run();
