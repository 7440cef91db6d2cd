// The documents of the bundled dataset, built by the real CLI and read back out of the real PDFs.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ATTRIBUTION_LABELS } from '../../src/documents/endnotes.js';
import type { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';
import { formatLocalAmount, moneyParts } from '../../src/render/format/money.js';
import { pageCount, pdfFonts, pdfInfo, pdfText, readBookmarks } from '../helpers/pdf.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

let facts: Facts;
let out: string;
let again: string;
const flat = (file: string) => pdfText(file).replace(/\s+/g, ' ');
const pdf = (kind: 'programmes' | 'topics', id: string, format: string) => path.join(out, kind, id, `${id}-${format}.pdf`);

test.before(async () => {
  facts = await loadFacts(path.join(ROOT, 'data'));
  out = await mkdtemp(path.join(os.tmpdir(), 'brief-bundled-'));
  again = await mkdtemp(path.join(os.tmpdir(), 'brief-bundled-again-'));
  for (const dir of [out, again]) {
    const result = runCli(['build', '--format', 'brief', '--format', 'one-pager', '--out', dir, '--quiet']);
    assert.is(result.code, 0, result.stderr);
  }
});
test.after(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(again, { recursive: true, force: true });
});

test('every one-pager of every programme and topic is exactly one page', () => {
  for (const id of facts.programmes.keys()) assert.is(pageCount(pdf('programmes', id, 'one-pager')), 1, id);
  for (const id of facts.topics.keys()) assert.is(pageCount(pdf('topics', id, 'one-pager')), 1, id);
});

test("each programme's brief holds its incentives and scale figures as they stand in the data", () => {
  for (const p of facts.programmes.values()) {
    const text = flat(pdf('programmes', p.id, 'brief'));
    for (const incentive of p.incentives ?? []) {
      const amount = formatLocalAmount(moneyParts(incentive));
      if (amount) assert.ok(text.includes(amount), `${p.id}: "${amount}"`);
    }
    for (const figure of Object.values(p.scale ?? {})) {
      const shown = figure.value === 'unknown' ? 'unknown' : figure.qualifier === 'thousands' ? 'thousands' : figure.value.toLocaleString('en-US');
      assert.ok(text.includes(shown), `${p.id}: "${shown}"`);
    }
  }
});

test('Chinese names come out of the PDFs as text, in the bundled Noto Sans SC', () => {
  for (const p of facts.programmes.values()) {
    if (!p.name.zh) continue;
    const file = pdf('programmes', p.id, 'brief');
    assert.ok(flat(file).includes(p.name.zh), `${p.id}: ${p.name.zh}`);
    const fonts = pdfFonts(file);
    assert.ok(fonts.some((f) => /NotoSansSC/.test(f.name)), `${p.id}: ${fonts.map((f) => f.name).join()}`);
  }
});

test('every font in every brief is embedded, and none is a Type 3 stand-in', () => {
  for (const id of facts.programmes.keys()) {
    for (const font of pdfFonts(pdf('programmes', id, 'brief'))) {
      assert.ok(font.embedded, `${id}: ${font.name} not embedded`);
      assert.not.match(font.type, /Type 3/, `${id}: ${font.name}`);
    }
  }
});

test('the endnotes name who stands behind each claim: Qiming rests on anonymous sources and government documents', () => {
  const text = flat(pdf('programmes', 'qiming', 'brief'));
  assert.ok(text.includes(ATTRIBUTION_LABELS['anonymous-sources']));
  assert.ok(text.includes(ATTRIBUTION_LABELS['government-documents']));
  assert.ok(text.includes('China quietly recruits overseas chip talent as US tightens curbs'), 'the source headline');
});

test('the charts come out as vector text in the brief', () => {
  const text = flat(pdf('programmes', 'qiming', 'brief'));
  assert.ok(text.includes('$420k-$700k'), "the incentives chart's range label");
  assert.ok(text.includes('Approximate date'), "the timeline chart's legend");
});

test('briefs carry bookmarks and document information', async () => {
  const file = pdf('programmes', 'qiming', 'brief');
  const bookmarks = await readBookmarks(file);
  assert.ok(bookmarks.length > 0 && bookmarks[0]!.items.length >= 3, JSON.stringify(bookmarks).slice(0, 200));
  const info = pdfInfo(file);
  assert.match(info.Title ?? '', /^Qiming/);
  assert.is(info.Author, facts.meta.author);
  assert.match(info.Creator ?? '', /^briefing-press \d+\.\d+\.\d+$/);
  assert.is(info.Tagged, 'yes');
  assert.match(info.CreationDate ?? '', /Aug 24 00:00:00 2023/);
});

test('two builds of the same inputs give byte-identical PDFs, the pack and the manifest included', async () => {
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
  const paths = [...manifest.files.map((f) => f.path), 'briefing-pack.pdf', 'manifest.json'];
  assert.ok(paths.length >= 33);
  for (const file of paths) {
    const [a, b] = await Promise.all([readFile(path.join(out, file)), readFile(path.join(again, file))]);
    const hash = (x: Buffer) => createHash('sha256').update(x).digest('hex');
    assert.is(hash(a), hash(b), file);
  }
});

test.run();
