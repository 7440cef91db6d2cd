// Issue 11: up to date means the same content. A file damaged in place, its size unchanged, is
// made again; the manifest never keeps a sha256 its file no longer has; the zip never ships it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../src/batch/run-batch.js';
import { readManifest } from '../../src/batch/manifest.js';
import { pdfText } from '../helpers/pdf.js';
import { finished, makeWorkspace, spawnBrief } from './helpers/build-fixture.js';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
test.before(async () => {
  ws = await makeWorkspace();
  await runBatch({ dataDir: ws.data, outDir: ws.out, zip: true });
});
test.after(async () => ws.remove());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fileSha = async (rel: string) => sha256(await readFile(path.join(ws.out, rel)));
const recordedSha = async (rel: string) => {
  const manifest = (await readManifest(ws.out))!;
  return [...manifest.files, manifest.pack, manifest.zip].find((f) => f?.path === rel)?.sha256;
};

/** Overwrites 16 bytes in the middle of a file: same size, other content, as a bad disk or a careless tool does. */
async function damageInPlace(rel: string): Promise<void> {
  const file = path.join(ws.out, rel);
  const bytes = await readFile(file);
  const middle = Math.floor(bytes.length / 2);
  bytes.fill(0x58, middle, middle + 16);
  await writeFile(file, bytes);
}

const brief = (...args: string[]) => finished(spawnBrief(['build', '--data', ws.data, '--out', ws.out, ...args]));

test('a PDF damaged in place, its size unchanged, is printed again, and the manifest then matches it', async () => {
  const rel = 'programmes/alpha/alpha-brief.pdf';
  const intact = await recordedSha(rel);
  const size = (await stat(path.join(ws.out, rel))).size;
  await damageInPlace(rel);
  assert.is((await stat(path.join(ws.out, rel))).size, size, 'the damage kept the size');
  assert.is.not(await fileSha(rel), intact, 'the damage changed the content');

  const result = await brief();
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^built programmes\/alpha\/alpha-brief\.pdf {2}2 pages {2}\d+ ms$/m);
  assert.match(result.stdout, /^1 built, 8 unchanged, pack 9 pages \(unchanged\) in /m);
  // Printing is reproducible: the reprint is the file as it was first written.
  assert.is(await fileSha(rel), intact);
  assert.is(await recordedSha(rel), intact);
  assert.match(pdfText(path.join(ws.out, rel)), /Alpha scheme/);
});

test('a damaged pack is made again though no document changed', async () => {
  const intact = await recordedSha('briefing-pack.pdf');
  await damageInPlace('briefing-pack.pdf');
  const result = await runBatch({ dataDir: ws.data, outDir: ws.out, zip: true });
  assert.is(result.noop, false, 'not taken for a run with nothing to do');
  assert.is(result.built, 0);
  assert.is(result.pack?.rebuilt, true);
  assert.is(await fileSha('briefing-pack.pdf'), intact);
});

test('a damaged HTML output is written again', async () => {
  const rel = 'topics/recruitment/recruitment.html';
  const intact = await recordedSha(rel);
  await damageInPlace(rel);
  const result = await runBatch({ dataDir: ws.data, outDir: ws.out, zip: true });
  assert.equal(
    result.documents.filter((d) => !d.skipped).map((d) => d.path),
    [rel],
  );
  assert.is(await fileSha(rel), intact);
});

test('--zip never ships a damaged file: the zip holds the file as the manifest records it', async () => {
  const rel = 'programmes/beta/beta-one-pager.pdf';
  await damageInPlace(rel);
  const damaged = await fileSha(rel);
  const result = await brief('--zip');
  assert.is(result.code, 0, result.stderr);
  const zipped = execFileSync('unzip', ['-p', path.join(ws.out, 'briefing-pack.zip'), rel]);
  assert.is.not(sha256(zipped), damaged);
  assert.is(sha256(zipped), await recordedSha(rel));
  assert.is(sha256(zipped), await fileSha(rel));
  assert.is(await recordedSha('briefing-pack.zip'), await fileSha('briefing-pack.zip'));
});

test('a zip damaged in place is written again by the next --zip build', async () => {
  await damageInPlace('briefing-pack.zip');
  const result = await runBatch({ dataDir: ws.data, outDir: ws.out, zip: true });
  assert.is(result.noop, false);
  assert.is(await recordedSha('briefing-pack.zip'), await fileSha('briefing-pack.zip'));
  execFileSync('unzip', ['-tq', path.join(ws.out, 'briefing-pack.zip')]);
});

test('with every file intact, the next build is a no-op again', async () => {
  const result = await brief('--zip');
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^nothing changed: 9 documents up to date in /m);
});

test('a file damaged in place after a no-op has trusted it, its size and modification time put back, is still printed again', async () => {
  // Two no-ops: the second trusts what the first checked, without reading the outputs.
  for (let i = 0; i < 2; i++) assert.ok((await runBatch({ dataDir: ws.data, outDir: ws.out, zip: true })).noop);
  const rel = 'programmes/beta/beta-one-pager.pdf';
  const file = path.join(ws.out, rel);
  const intact = await recordedSha(rel);
  const { mtime, atime, size } = await stat(file);
  await damageInPlace(rel);
  await utimes(file, atime, mtime);
  assert.is((await stat(file)).size, size);
  assert.is((await stat(file)).mtime.getTime(), mtime.getTime(), 'the modification time was put back');

  const result = await runBatch({ dataDir: ws.data, outDir: ws.out, zip: true });
  assert.is(result.noop, false);
  assert.equal(result.documents.filter((d) => !d.skipped).map((d) => d.path), [rel]);
  assert.is(await fileSha(rel), intact);
});

test('the fingerprints of checked outputs stay out of the manifest and the zip', async () => {
  const names = execFileSync('unzip', ['-Z1', path.join(ws.out, 'briefing-pack.zip')], { encoding: 'utf8' });
  assert.not.match(names, 'fingerprints');
  assert.not.match(await readFile(path.join(ws.out, 'manifest.json'), 'utf8'), 'fingerprints');
  assert.ok(JSON.parse(await readFile(path.join(ws.out, '.brief-fingerprints.json'), 'utf8'))['programmes/alpha/alpha-brief.pdf'].sha256);
});

test.run();
