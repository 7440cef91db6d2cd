// Labels in the dataset's language (issue 23, item 1): a bundled file per language beside the
// English one, chosen by meta.language, and re-worded labels of a templates folder still winning.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TemplateError } from '../../src/errors.js';
import { formatFigure } from '../../src/render/format/figures.js';
import { formatMoney } from '../../src/render/format/money.js';
import { parseLabels } from '../../src/render/labels.js';
import { BUNDLED_LANGUAGES } from '../../src/render/label-languages.js';
import { bundledTemplatesDir, readTemplateSet } from '../../src/render/template-set.js';
import { writeFiles } from '../helpers/write-files.js';

let dir: string;
test.before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brief-label-languages-'));
});
test.after(() => rm(dir, { recursive: true, force: true }));

const bundled = () => readTemplateSet(bundledTemplatesDir()).labels;

test('every bundled language file gives every key of the English labels file, so a key added later is caught', async () => {
  const root = bundledTemplatesDir();
  const english = parseLabels(await readFile(path.join(root, 'labels.yaml'), 'utf8'), 'labels.yaml');
  const files = (await readdir(path.join(root, 'languages'))).sort();
  assert.equal(files, BUNDLED_LANGUAGES.map((tag) => `${tag}.yaml`).sort());
  for (const file of files) {
    const translated = parseLabels(await readFile(path.join(root, 'languages', file), 'utf8'), file);
    const missing = [...english.keys()].filter((key) => !translated.has(key));
    assert.equal(missing, [], `${file} lacks ${missing.join(', ')}`);
  }
});

test('the language is chosen by the dataset tag, Chinese by script and the rest by language', () => {
  const labels = bundled();
  assert.is(labels.text('heading.key-takeaways', {}, 'ja'), '要点');
  assert.is(labels.text('heading.key-takeaways', {}, 'ja-JP'), '要点');
  assert.is(labels.text('heading.notes', {}, 'zh-CN'), '注释');
  assert.is(labels.text('heading.notes', {}, 'zh'), '注释');
  assert.is(labels.text('heading.notes', {}, 'zh-TW'), '註釋');
  assert.is(labels.text('heading.notes', {}, 'zh-HK'), '註釋');
  assert.is(labels.text('heading.notes', {}, 'zh-Hant'), '註釋');
  assert.is(labels.text('heading.sources', {}, 'fr-CA'), 'Sources');
  assert.is(labels.text('heading.key-takeaways', {}, 'de-AT'), 'Das Wichtigste');
  assert.is(labels.text('status.active', {}, 'ko-KR'), '시행 중');
  assert.is(labels.text('heading.key-takeaways', {}, 'en-GB'), 'Key takeaways');
  // A language with no file of its own reads English.
  assert.is(labels.text('heading.key-takeaways', {}, 'it'), 'Key takeaways');
});

test('hedges, counters and rough counts are written as Japanese writes them', () => {
  const ja = { labels: bundled(), lang: 'ja' };
  assert.is(formatFigure({ value: 20, qualifier: 'about', unit: '人' }, ja), '約20人');
  assert.is(formatFigure({ value: 45, qualifier: 'fewer than', unit: '歳' }, ja), '45歳未満');
  assert.is(formatFigure({ value: 11, unit: '校' }, ja), '11校');
  assert.is(formatFigure({ value: 'a few', unit: '校' }, ja), '数校');
  assert.is(formatFigure({ value: 'dozens', unit: '人' }, ja), '数十人');
  assert.is(formatFigure({ value: 'unknown' }, ja), '不明');
  const amount = { amount: 800_000_000, min: null, max: null, currency: 'JPY', qualifier: 'about' as const };
  assert.is(formatMoney(amount as never, ja), '約￥8億');
});

test('rough counts in English take "of" only where English does', () => {
  const en = { labels: bundled(), lang: 'en-GB' };
  assert.is(formatFigure({ value: 'a few', unit: 'schools' }, en), 'a few schools');
  assert.is(formatFigure({ value: 'several', unit: 'people' }, en), 'several people');
  assert.is(formatFigure({ value: 'dozens', unit: 'engineers' }, en), 'dozens of engineers');
});

const folder = (name: string, files: Record<string, string>) => writeFiles(path.join(dir, name), files);

test('a templates folder re-wording a label wins over the translation; a copied English label does not', async () => {
  const templates = await folder('own', { 'labels.yaml': 'heading:\n  notes: Endnotes\n  sources: Sources\n' });
  const labels = readTemplateSet(templates, bundledTemplatesDir()).labels;
  assert.is(labels.text('heading.notes', {}, 'ja'), 'Endnotes');
  assert.is(labels.text('heading.sources', {}, 'ja'), '出典');
});

test('a templates folder may bring a language of its own, checked key by key against the English file', async () => {
  const good = await folder('italian', { 'languages/it.yaml': 'heading:\n  notes: Note\n' });
  assert.is(readTemplateSet(good, bundledTemplatesDir()).labels.text('heading.notes', {}, 'it-IT'), 'Note');
  const bad = await folder('typo', { 'languages/it.yaml': 'heading:\n  notez: Note\n' });
  try {
    readTemplateSet(bad, bundledTemplatesDir());
    assert.unreachable('read without an error');
  } catch (error) {
    assert.instance(error, TemplateError);
    assert.match((error as Error).message, /languages\/it\.yaml:2:3  unknown label "heading\.notez"; did you mean "heading\.notes"\?/);
  }
});

test.run();
