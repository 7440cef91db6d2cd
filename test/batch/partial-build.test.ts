// Issue 11: a partial build (--programme, --topic, --format, --shard) never shrinks the pack or the
// manifest. The manifest describes the whole plan; the pack and the zip are made again for the
// whole plan when every document is there, and are otherwise left as they were, with a warning.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../src/batch/run-batch.js';
import { readManifest } from '../../src/batch/manifest.js';
import { pageCount, pdfText } from '../helpers/pdf.js';
import { finished, listFiles, makeWorkspace, spawnBrief } from './helpers/build-fixture.js';
import { warningsWithoutProof, withoutProof } from '../helpers/proof-lines.js';

const ALL_KEYS = [
  'programmes/alpha/brief',
  'programmes/alpha/one-pager',
  'programmes/alpha/html',
  'programmes/beta/brief',
  'programmes/beta/one-pager',
  'programmes/beta/html',
  'topics/recruitment/brief',
  'topics/recruitment/one-pager',
  'topics/recruitment/html',
];

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
test.before.each(async () => {
  ws = await makeWorkspace();
});
test.after.each(async () => ws.remove());

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
const packFile = () => path.join(ws.out, 'briefing-pack.pdf');
const brief = (...args: string[]) => finished(spawnBrief(['build', '--data', ws.data, '--out', ws.out, ...args]));

test('after a full build, --programme alpha --format one-pager keeps all 9 documents in the manifest and the 9-page pack', async () => {
  await runBatch({ dataDir: ws.data, outDir: ws.out });
  const file = path.join(ws.data, 'programmes.yaml');
  const yaml = await readFile(file, 'utf8');
  assert.ok(yaml.includes('Alpha pays well and says little.'));
  await writeFile(file, yaml.replace('Alpha pays well and says little.', 'Alpha pays well and says PARTIALLY.'));

  const result = await brief('--programme', 'alpha', '--format', 'one-pager');
  assert.is(result.code, 0, result.stderr);
  assert.is(withoutProof(result.stderr), '', 'no warning: every document of the plan is there');
  assert.match(result.stdout, /^built programmes\/alpha\/alpha-one-pager\.pdf {2}1 page {2}\d+ ms$/m);
  const manifest = (await readManifest(ws.out))!;
  assert.equal(manifest.files.map((f) => f.key), ALL_KEYS);
  assert.is(manifest.missing, undefined);
  for (const entry of manifest.files) assert.is(await sha256(path.join(ws.out, entry.path)), entry.sha256, entry.path);
  // The pack is made again for the whole plan: 2 pages of front matter, then every document.
  assert.is(pageCount(packFile()), 9);
  assert.is(manifest.pack?.sha256, await sha256(packFile()));
  const text = pdfText(packFile()).replace(/\s+/g, ' ');
  assert.match(text, 'Alpha pays well and says PARTIALLY.');
  assert.match(text, 'Recruiting engineers');
  assert.match(text, 'Beta scheme');
});

test('while a document of the plan is missing, the pack is left as it was and a warning says why', async () => {
  await runBatch({ dataDir: ws.data, outDir: ws.out });
  const packBefore = await sha256(packFile());
  await rm(path.join(ws.out, 'topics/recruitment/recruitment-brief.pdf'));

  const result = await brief('--programme', 'beta');
  assert.is(result.code, 0, result.stderr);
  assert.is(withoutProof(result.stderr), 'warning: briefing-pack.pdf left as it was: 1 document of the plan is not built; run brief build\n');
  assert.is(await sha256(packFile()), packBefore, 'the pack is byte for byte as it was');
  const manifest = (await readManifest(ws.out))!;
  assert.equal(manifest.missing, ['topics/recruitment/brief']);
  assert.equal(
    manifest.files.map((f) => f.key),
    ALL_KEYS.filter((key) => key !== 'topics/recruitment/brief'),
  );
  assert.is(manifest.pack?.sha256, packBefore, 'the manifest still describes the pack on disk');

  // The same partial build again has nothing to do, and says so again.
  const again = await brief('--programme', 'beta');
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /^nothing changed: 8 documents up to date in /m);
  assert.is(withoutProof(again.stderr), 'warning: briefing-pack.pdf left as it was: 1 document of the plan is not built; run brief build\n');

  // A full build makes the missing document and the pack again.
  const full = await brief();
  assert.is(full.code, 0, full.stderr);
  assert.is(withoutProof(full.stderr), '');
  assert.is((await readManifest(ws.out))!.files.length, 9);
  assert.is(pageCount(packFile()), 9);
});

test('a partial build into an empty folder makes no pack, and says so; the manifest lists what is missing', async () => {
  const result = await brief('--format', 'one-pager');
  assert.is(result.code, 0, result.stderr);
  assert.is(withoutProof(result.stderr), 'warning: briefing-pack.pdf not made: 3 documents of the plan are not built; run brief build\n');
  assert.match(result.stdout, /^3 built in /m);
  assert.not.ok(existsSync(packFile()), 'no pack of a third of the plan');
  const manifest = (await readManifest(ws.out))!;
  assert.equal(
    manifest.files.map((f) => f.key),
    ['programmes/alpha/one-pager', 'programmes/beta/one-pager', 'topics/recruitment/one-pager'],
  );
  assert.equal(manifest.missing, ALL_KEYS.filter((key) => !key.endsWith('/one-pager')));
});

test('--zip in a partial build leaves the zip as it was while documents are missing', async () => {
  await runBatch({ dataDir: ws.data, outDir: ws.out, zip: true });
  const zipBefore = await sha256(path.join(ws.out, 'briefing-pack.zip'));
  await rm(path.join(ws.out, 'programmes/alpha/alpha.html'));
  const result = await brief('--topic', 'recruitment', '--zip');
  assert.is(result.code, 0, result.stderr);
  // The HTML is no part of the pack, which is made again for the whole plan; the zip holds it, so is left.
  assert.is(withoutProof(result.stderr), 'warning: briefing-pack.zip left as it was: 1 document of the plan is not built; run brief build --zip\n');
  assert.is(await sha256(path.join(ws.out, 'briefing-pack.zip')), zipBefore);
  const manifest = (await readManifest(ws.out))!;
  assert.is(manifest.zip?.sha256, zipBefore);
  assert.equal(manifest.missing, ['programmes/alpha/html']);
});

test('--shard 1/2 writes its documents and shard-1-of-2.json, never a pack or manifest.json; the other shard into the same folder adds its own', async () => {
  const result = await runBatch({ dataDir: ws.data, outDir: ws.out, shard: { index: 1, count: 2 } });
  const first = ['programmes/alpha/brief', 'programmes/beta/brief', 'topics/recruitment/one-pager', 'topics/recruitment/html'];
  assert.equal(result.documents.map((d) => d.key), first);
  assert.equal(warningsWithoutProof(result.warnings), []);
  assert.is(result.pack, undefined);
  assert.equal(result.shard, { manifest: 'shard-1-of-2.json', documents: 4, plan: 9 });
  assert.equal(await listFiles(ws.out), [
    '.brief-fingerprints.json',
    'programmes/alpha/alpha-brief.pdf',
    'programmes/beta/beta-brief.pdf',
    'shard-1-of-2.json',
    'topics/recruitment/recruitment-one-pager.pdf',
    'topics/recruitment/recruitment.html',
  ]);
  const shard = JSON.parse(await readFile(path.join(ws.out, 'shard-1-of-2.json'), 'utf8'));
  assert.equal(shard.shard, { index: 1, count: 2 });
  assert.equal(shard.plan, ALL_KEYS);
  assert.equal(shard.files.map((f: { key: string }) => f.key), first);
  for (const f of shard.files) assert.is(await sha256(path.join(ws.out, f.path)), f.sha256, f.path);

  const second = await runBatch({ dataDir: ws.data, outDir: ws.out, shard: { index: 2, count: 2 } });
  assert.equal(warningsWithoutProof(second.warnings), []);
  assert.equal(second.documents.map((d) => d.key), ['programmes/alpha/one-pager', 'programmes/alpha/html', 'programmes/beta/one-pager', 'programmes/beta/html', 'topics/recruitment/brief']);
  assert.not.ok(existsSync(packFile()), 'only brief assemble makes the pack of shards');
  assert.not.ok(existsSync(path.join(ws.out, 'manifest.json')));
  assert.ok(existsSync(path.join(ws.out, 'shard-2-of-2.json')));

  // The same shard again has nothing to do.
  const again = await runBatch({ dataDir: ws.data, outDir: ws.out, shard: { index: 1, count: 2 } });
  assert.is(again.noop, true);
});

test('a partial build with another paper keeps none of the earlier documents: the pack is left as it was, never mixed', async () => {
  await runBatch({ dataDir: ws.data, outDir: ws.out });
  const packBefore = await sha256(packFile());
  const result = await brief('--programme', 'alpha', '--format', 'one-pager', '--paper', 'letter');
  assert.is(result.code, 0, result.stderr);
  assert.is(withoutProof(result.stderr), 'warning: briefing-pack.pdf left as it was: 5 documents of the plan are not built; run brief build\n');
  const manifest = (await readManifest(ws.out))!;
  assert.equal(manifest.files.map((f) => f.key), ['programmes/alpha/one-pager']);
  assert.is(await sha256(packFile()), packBefore);
});

test('--allow-remote, switched on or off, is an input: the HTML files are written again with their policy', async () => {
  await runBatch({ dataDir: ws.data, outDir: ws.out, formats: ['html'] });
  const html = path.join(ws.out, 'programmes/alpha/alpha.html');
  assert.match(await readFile(html, 'utf8'), `img-src data:; base-uri 'none'`);
  const remote = await runBatch({ dataDir: ws.data, outDir: ws.out, formats: ['html'], allowRemote: true });
  assert.is(remote.noop, false);
  assert.is(remote.built, 3);
  assert.match(await readFile(html, 'utf8'), `img-src data: http: https:; base-uri 'none'`);
});

test.run();
