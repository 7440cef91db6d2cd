// Shards that assemble (issue 14): `brief build --shard K/N` writes its documents and a shard
// manifest, never a pack; `brief assemble` checks the set and writes the whole plan's outputs,
// byte-identical to a one-machine build; a set that is not whole, or not of one plan, is refused
// in one line before anything is written.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { finished, listFiles, makeWorkspace, spawnBrief } from '../batch/helpers/build-fixture.js';
import { withoutProof } from '../helpers/proof-lines.js';

const CONFIG = [
  'audiences:',
  '  - id: board',
  '    title: Board of Trustees',
  '    distribution: CONFIDENTIAL — board only',
  '    programmes: [alpha]',
  '    topics: []',
  '    formats: [brief]',
  '  - id: staff',
  '    title: Research staff',
  '    distribution: INTERNAL — staff',
  '    formats: [one-pager, html]',
  '',
].join('\n');

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
const brief = (...args: string[]) => finished(spawnBrief(args, ws.dir));
const at = (...parts: string[]) => path.join(ws.dir, ...parts);
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

test.before(async () => {
  ws = await makeWorkspace();
  await writeFile(at('brief.config.yaml'), CONFIG);
  for (const k of [1, 2, 3]) {
    const run = await brief('build', '--shard', `${k}/3`, '--out', `out-${k}`);
    assert.is(run.code, 0, run.stderr);
    assert.is(withoutProof(run.stderr), '');
  }
});
test.after(async () => ws.remove());

/** Runs `brief assemble`, which must refuse with exit 2, one line and no output folder. */
async function refused(...args: string[]): Promise<string> {
  const run = await brief('assemble', ...args, '--out', 'refused');
  assert.is(run.code, 2, run.stderr);
  assert.is(run.stdout, '');
  assert.is(run.stderr.split('\n').length, 2, `one line: ${run.stderr}`);
  assert.not.ok(existsSync(at('refused')), 'nothing written');
  return run.stderr;
}

test('each shard holds its documents and its shard manifest, and no pack, zip or manifest.json', async () => {
  assert.equal(await listFiles(at('out-1')), [
    '.brief-fingerprints.json',
    'audiences/staff/programmes/alpha/alpha.html',
    'programmes/alpha/alpha-brief.pdf',
    'programmes/beta/beta-brief.pdf',
    'programmes/beta/beta.html',
    'shard-1-of-3.json',
    'topics/recruitment/recruitment-brief.pdf',
  ]);
  const shard = JSON.parse(await readFile(at('out-2', 'shard-2-of-3.json'), 'utf8'));
  assert.is(shard.kind, 'briefing-press shard');
  assert.equal(shard.shard, { index: 2, count: 3 });
  assert.is(shard.plan.length, 16);
  assert.equal(shard.files.map((f: { key: string }) => f.key), [
    'programmes/alpha/one-pager',
    'programmes/alpha/html',
    'programmes/beta/one-pager',
    'audiences/board/programmes/alpha/brief',
    'audiences/staff/topics/recruitment/one-pager',
  ]);
  for (const f of shard.files) assert.is(await sha256(at('out-2', f.path)), f.sha256, f.path);
  for (const k of [1, 2, 3]) {
    for (const name of ['briefing-pack.pdf', 'briefing-pack.zip', 'manifest.json', 'audiences/board/briefing-pack.pdf']) assert.not.ok(existsSync(at(`out-${k}`, name)), `out-${k}/${name}`);
  }
});

test('three shards assembled give the packs, zips and manifest of a one-machine build, byte for byte', async () => {
  const assembled = await brief('assemble', 'out-1', 'out-2', 'out-3', '--out', 'assembled', '--zip');
  assert.is(assembled.code, 0, assembled.stderr);
  assert.is(withoutProof(assembled.stderr), '');
  assert.match(assembled.stdout, /^assembled 16 documents from 3 shard folders \(16 copied, 0 already there\), pack 9 pages, 2 audience packs, zip briefing-pack\.zip in assembled \(\d+\.\d s\)\n$/);
  const whole = await brief('build', '--out', 'whole', '--zip');
  assert.is(whole.code, 0, whole.stderr);
  assert.equal(await listFiles(at('assembled')), await listFiles(at('whole')));
  for (const file of await listFiles(at('whole'))) {
    if (file === '.brief-fingerprints.json') continue;
    assert.is(await sha256(at('assembled', file)), await sha256(at('whole', file)), file);
  }
  // The assembled folder is an output folder like any other: a build there has nothing to do.
  const after = await brief('build', '--out', 'assembled', '--zip');
  assert.match(after.stdout, /^nothing changed: 16 documents up to date in assembled /);
  // Assembled again, nothing is copied and the packs are kept.
  const again = await brief('assemble', 'out-1', 'out-2', 'out-3', '--out', 'assembled', '--zip');
  assert.match(again.stdout, /^assembled 16 documents from 3 shard folders \(0 copied, 16 already there\), pack 9 pages \(unchanged\), 2 audience packs, zip briefing-pack\.zip in assembled /);
});

test('a missing shard is refused, naming the documents that are missing and the shard not given', async () => {
  assert.is(
    await refused('out-1', 'out-3'),
    "error: the shards hold 11 of the plan's 16 documents; missing: programmes/alpha/one-pager, programmes/alpha/html, programmes/beta/one-pager, audiences/board/programmes/alpha/brief, audiences/staff/topics/recruitment/one-pager (shard 2 of 3 is not among those given)\n",
  );
});

test('a document in two shards is refused, naming both', async () => {
  await cp(at('out-1'), at('out-1-again'), { recursive: true });
  assert.is(await refused('out-1', 'out-1-again', 'out-2', 'out-3'), 'error: programmes/alpha/brief is in two shards: out-1/shard-1-of-3.json and out-1-again/shard-1-of-3.json; give each shard once\n');
});

test('a damaged document is refused, naming the file and its shard', async () => {
  await cp(at('out-2'), at('out-2-damaged'), { recursive: true });
  await appendFile(at('out-2-damaged', 'programmes/beta/beta-one-pager.pdf'), '%');
  assert.is(
    await refused('out-1', 'out-2-damaged', 'out-3'),
    'error: out-2-damaged/programmes/beta/beta-one-pager.pdf does not match the sha256 out-2-damaged/shard-2-of-3.json records: damaged or changed since shard 2 of 3 was built; build that shard again\n',
  );
  await cp(at('out-3'), at('out-3-lost'), { recursive: true });
  await rename(at('out-3-lost', 'topics/recruitment/recruitment-one-pager.pdf'), at('out-3-lost', 'elsewhere.pdf'));
  assert.is(
    await refused('out-1', 'out-2', 'out-3-lost'),
    'error: out-3-lost/topics/recruitment/recruitment-one-pager.pdf is missing: out-3-lost/shard-3-of-3.json lists it; build shard 3 of 3 again\n',
  );
});

test('what is not a shard manifest is refused as such', async () => {
  await mkdir(at('not-json'));
  await writeFile(at('not-json', 'shard-2-of-3.json'), '{ "kind": ');
  assert.is(await refused('out-1', 'not-json', 'out-3'), 'error: not-json/shard-2-of-3.json is not a shard manifest: it is not JSON (Unexpected end of JSON input)\n');
  await mkdir(at('a-manifest'));
  await writeFile(at('a-manifest', 'shard-2-of-3.json'), JSON.stringify({ tool: { name: 'briefing-press', version: '0.1.0' }, files: [] }));
  assert.is(
    await refused('out-1', 'a-manifest', 'out-3'),
    'error: a-manifest/shard-2-of-3.json is not a shard manifest: it does not say "kind": "briefing-press shard"; shard manifests are written by brief build --shard K/N\n',
  );
  const shard = JSON.parse(await readFile(at('out-2', 'shard-2-of-3.json'), 'utf8'));
  await mkdir(at('cut'));
  await writeFile(at('cut', 'shard-2-of-3.json'), JSON.stringify({ ...shard, files: undefined }));
  assert.is(await refused('out-1', 'cut', 'out-3'), "error: cut/shard-2-of-3.json is not a shard manifest: (top) must have required property 'files'; it may be damaged: build the shard again\n");
  await mkdir(at('empty'));
  assert.is(await refused('out-1', 'empty', 'out-3'), 'error: empty holds no shard manifest (shard-K-of-N.json): build a shard into it with brief build --shard K/N --out empty\n');
  assert.is(await refused('out-1', 'nowhere'), 'error: nowhere: no such folder; brief assemble wants the folders the shards were built into\n');
});

test('shards from other inputs, of another split, or other options than the assembly\'s are refused', async () => {
  const data = at('data');
  const text = await readFile(path.join(data, 'programmes.yaml'), 'utf8');
  await cp(data, at('data-changed'), { recursive: true });
  await writeFile(at('data-changed', 'programmes.yaml'), text.replace('Alpha pays well and says little.', 'Alpha pays well.'));
  const other = await brief('build', '--shard', '2/3', '--out', 'out-2-other', '--data', 'data-changed');
  assert.is(other.code, 0, other.stderr);
  const fingerprint = async (dir: string, name: string) => (JSON.parse(await readFile(at(dir, name), 'utf8')) as { fingerprint: string }).fingerprint.slice(0, 12);
  const [theirs, ours] = [await fingerprint('out-2-other', 'shard-2-of-3.json'), await fingerprint('out-1', 'shard-1-of-3.json')];
  assert.is.not(theirs, ours);
  assert.is(
    await refused('out-1', 'out-2-other', 'out-3'),
    `error: out-2-other/shard-2-of-3.json was built from other inputs or options than out-1/shard-1-of-3.json (plan fingerprint ${theirs} against ${ours}): build every shard from the same data, templates, config and flags\n`,
  );

  const split = await brief('build', '--shard', '2/4', '--out', 'out-2-of-4');
  assert.is(split.code, 0, split.stderr);
  assert.match(
    await refused('out-1', 'out-2-of-4', 'out-3'),
    /^error: out-2-of-4\/shard-2-of-4\.json is shard 2 of a split into 4 \(written \d{4}-\d\d-\d\d \d\d:\d\d UTC\), the other shards are of a split into 3: it is stale; remove it, or build every shard of one --shard K\/N split\n$/,
  );

  const letter = await brief('assemble', 'out-1', 'out-2', 'out-3', '--out', 'refused', '--paper', 'letter');
  assert.is(letter.code, 2);
  assert.match(letter.stderr, /^error: the shards were built from other inputs or options than these \(plan fingerprint [0-9a-f]{12} in the shards, [0-9a-f]{12} here\): run brief assemble with the data, templates, config and flags the shards were built with\n$/);
  assert.match(letter.stderr, ` ${ours} in the shards`);
  assert.not.ok(existsSync(at('refused')));
});

test('a shard is never built over a whole build, whose manifest it would leave stale', async () => {
  const run = await brief('build', '--shard', '1/3', '--out', 'whole-build', '--format', 'html');
  assert.is(run.code, 0, run.stderr);
  await writeFile(at('whole-build', 'manifest.json'), '{}');
  const over = await brief('build', '--shard', '1/3', '--out', 'whole-build');
  assert.is(over.code, 2);
  assert.is(over.stderr, 'error: --shard 1/3: whole-build holds a whole build (manifest.json); build each shard into a folder of its own, e.g. --out out-1\n');
});

test.run();
