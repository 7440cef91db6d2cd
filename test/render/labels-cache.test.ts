// The bundled labels come parsed from the build's cache (issue 21), only where a file's text, and a
// translation's English, are what the cache was made from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseLabels } from '../../src/render/labels.js';
import { LABELS_CACHE_FILE, makeLabelsCache, parseLabelsFile, textHash, type LabelsCache } from '../../src/render/labels-cache.js';
import { bundledTemplatesDir } from '../../src/render/template-set.js';

const BUNDLED = bundledTemplatesDir();
const bundled = { path: BUNDLED, bundled: true };
const englishFile = join(BUNDLED, 'labels.yaml');
const japaneseFile = join(BUNDLED, 'languages/ja.yaml');
const english = readFileSync(englishFile, 'utf8');
const japanese = readFileSync(japaneseFile, 'utf8');
const cache = makeLabelsCache(BUNDLED, 'labels.yaml', ['languages/ja.yaml']);

test('a label read from the cache is the label parsed, with its file, line and column', () => {
  const parsed = parseLabels(english, englishFile);
  const cached = parseLabelsFile(bundled, englishFile, english, undefined, cache);
  assert.equal([...cached], [...parsed]);
  assert.equal(cached.get('since.heading'), { value: 'Since the last edition ({date})', file: englishFile, line: 311, col: 3 });
  const reference = { entries: parsed, hash: textHash(english) };
  assert.equal([...parseLabelsFile(bundled, japaneseFile, japanese, reference, cache)], [...parseLabels(japanese, japaneseFile, parsed)]);
});

/** A cache whose one English label says where it came from. */
function marked(): LabelsCache {
  return { 'labels.yaml': { hash: textHash(english), entries: [['pack.contents', { value: 'FROM THE CACHE', line: 1, col: 1 }]] } };
}

test('the cache serves the bundled file whose text it was made from, and nothing else', () => {
  assert.is(parseLabelsFile(bundled, englishFile, english, undefined, marked()).get('pack.contents')?.value, 'FROM THE CACHE');
  const edited = english.replace(/\n$/, '\n# edited after the build\n');
  assert.is.not(parseLabelsFile(bundled, englishFile, edited, undefined, marked()).get('pack.contents')?.value, 'FROM THE CACHE', 'an edited file is parsed');
  const elsewhere = { path: BUNDLED, bundled: false };
  assert.is.not(parseLabelsFile(elsewhere, englishFile, english, undefined, marked()).get('pack.contents')?.value, 'FROM THE CACHE', "a user's folder is parsed");
});

test('a translation checked against other English than the bundled is parsed again', () => {
  const parsed = parseLabels(english, englishFile);
  const served = { ...cache, 'languages/ja.yaml': { ...cache['languages/ja.yaml']!, entries: [['pack.contents', { value: 'FROM THE CACHE', line: 1, col: 1 }]] as LabelsCache[string]['entries'] } };
  assert.is(parseLabelsFile(bundled, japaneseFile, japanese, { entries: parsed, hash: textHash(english) }, served).get('pack.contents')?.value, 'FROM THE CACHE');
  assert.is.not(parseLabelsFile(bundled, japaneseFile, japanese, { entries: parsed }, served).get('pack.contents')?.value, 'FROM THE CACHE', 'English overridden by a templates folder');
});

test('the build wrote the cache of every bundled labels file', () => {
  const written = JSON.parse(readFileSync(LABELS_CACHE_FILE.replace(/[/\\]src[/\\]render[/\\]/, '/dist/render/'), 'utf8')) as LabelsCache;
  assert.equal(Object.keys(written), ['labels.yaml', 'languages/ar.yaml', 'languages/de.yaml', 'languages/es.yaml', 'languages/fr.yaml', 'languages/ja.yaml', 'languages/ko.yaml', 'languages/zh-Hans.yaml', 'languages/zh-Hant.yaml']);
  assert.is(written['labels.yaml']!.hash, textHash(english));
});

test.run();
