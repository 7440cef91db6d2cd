import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../src/batch/run-batch.js';
import type { BatchResult } from '../../src/batch/result.js';
import type { Manifest } from '../../src/batch/manifest.js';
import { bookmarkPages, makeWorkspace, pageCount, pageText, readBookmarks } from './helpers/build-fixture.js';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let result: BatchResult;
let manifest: Manifest;
let packFile: string;

test.before(async () => {
  ws = await makeWorkspace();
  result = await runBatch({ dataDir: ws.data, outDir: ws.out, zip: true });
  manifest = JSON.parse(await readFile(path.join(ws.out, 'manifest.json'), 'utf8')) as Manifest;
  packFile = path.join(ws.out, 'briefing-pack.pdf');
});
test.after(async () => ws.remove());

const pdfEntries = () => manifest.files.filter((f) => f.format !== 'html');

test('every manifest entry matches its file: bytes, sha256 and pages', async () => {
  assert.is(manifest.files.length, 9);
  for (const entry of manifest.files) {
    const bytes = await readFile(path.join(ws.out, entry.path));
    assert.is(entry.bytes, bytes.length, entry.path);
    assert.is(entry.sha256, createHash('sha256').update(bytes).digest('hex'), entry.path);
    assert.is(entry.pages, entry.format === 'html' ? 0 : pageCount(path.join(ws.out, entry.path)), entry.path);
    assert.match(entry.inputHash, /^[0-9a-f]{64}$/);
    assert.ok(entry.key.startsWith(`${entry.subject.kind}s/${entry.subject.id}/`), entry.key);
  }
  assert.is(manifest.tool.name, 'briefing-press');
  assert.is(manifest.options.paper, 'a4');
  // Folders relative to the output folder: the manifest and the zip do not depend on where the project is.
  assert.is(manifest.options.data, '../data');
  assert.is(manifest.options.templates, '(bundled)');
  assert.is(manifest.options.zip, true);
  assert.is((await stat(packFile)).size, manifest.pack?.bytes);
});

test("the pack's page count is the sum of its documents plus its cover and contents", () => {
  const parts = pdfEntries().reduce((sum, f) => sum + pageCount(path.join(ws.out, f.path)), 0);
  assert.is(pageCount(packFile), parts + 2);
  assert.is(result.pack?.pages, parts + 2);
  assert.match(pageText(packFile, 1), /Build fixture briefings/);
  assert.match(pageText(packFile, 1), /PUBLIC — fixture/i);
  assert.match(pageText(packFile, 2), /Contents/);
});

test("the pack's bookmarks name every document, with the document's own headings below it", async () => {
  const outline = await readBookmarks(packFile);
  const titles = outline.map((item) => item.title);
  for (const entry of pdfEntries()) assert.ok(titles.includes(entry.title), `a bookmark for ${entry.title}: ${titles}`);
  const alphaBrief = outline.find((item) => item.title === pdfEntries()[0]!.title)!;
  assert.ok(alphaBrief.items.length > 0, 'headings below the brief');
  assert.ok(JSON.stringify(alphaBrief).includes('How Alpha works'), 'a section heading of the brief');
});

test('the contents give the page each document starts on, and its bookmark points there', async () => {
  const contents = pageText(packFile, 2);
  const pages = await bookmarkPages(packFile);
  for (const entry of pdfEntries()) {
    const line = contents.split('\n').find((l) => l.includes(entry.title));
    assert.ok(line, `${entry.title} in the contents:\n${contents}`);
    const printed = Number(/(\d+)\s*$/.exec(line!)?.[1]);
    assert.is(pages.get(entry.title), printed - 1, `${entry.title}: bookmark and contents agree`);
    const firstPage = pageText(path.join(ws.out, entry.path), 1).trim().split('\n')[0]!.trim();
    assert.ok(pageText(packFile, printed).includes(firstPage), `${entry.title} starts on page ${printed}`);
  }
});

test('the pack carries metadata with the dataset as-of date', () => {
  const info = execFileSync('pdfinfo', [packFile], { encoding: 'utf8' });
  assert.match(info, /Title:\s+Build fixture briefings: briefing pack/);
  assert.match(info, /Author:\s+Fixture desk/);
  assert.match(info, /Creator:\s+briefing-press/);
  assert.match(info, /Keywords:\s+fixture/);
  assert.match(info, /CreationDate:\s+Thu Aug 24 00:00:00 2023 UTC/);
});

test('--zip holds every output and the manifest, with fixed times', () => {
  const listing = execFileSync('unzip', ['-l', path.join(ws.out, 'briefing-pack.zip')], { encoding: 'utf8' });
  for (const entry of manifest.files) assert.ok(listing.includes(entry.path), entry.path);
  assert.ok(listing.includes('briefing-pack.pdf'));
  assert.ok(listing.includes('manifest.json'));
  assert.ok(listing.split('\n').filter((l) => /\.(pdf|html|json)$/.test(l)).every((l) => l.includes('2023-08-24')), listing);
});

test.run();
