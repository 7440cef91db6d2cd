// Many sources, each verified against its own text (issue 13): `text:` is a path from the file
// that declares the source; --source stands in for a source that names none.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const NOT_VERIFIED = '1 excerpt not verified: no text for radio-interview (give the source a text: or use --source FILE)';

async function copyTwoSources(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-sources-'));
  await cp(fixture('facts/two-sources'), dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  assert.ok(text.includes(from), `${file} holds ${from}`);
  await writeFile(file, text.replace(from, to));
}

test('check with no flag verifies each excerpt and quote against its own source and counts them per source', () => {
  const result = runCli(['check', '--data', 'data'], { cwd: fixture('facts/two-sources') });
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stderr, '');
  assert.is(
    result.stdout,
    'ok: 3 files, 1 programme, 0 topics, 5 claims; verified 2 excerpts and 1 quote against harbour-news (data/texts/harbour-news.txt), ' +
      `2 excerpts against council-notice (data/texts/council-notice.md); ${NOT_VERIFIED}\n`,
  );
});

test('an excerpt that stands in another source\'s text is not found in its own, named by file:line:col and the text looked in', async () => {
  const { dir, remove } = await copyTwoSources();
  try {
    // The notice's words, cited as the article's.
    await edit(path.join(dir, 'data/claims.yaml'), 'excerpt: More than 300 engineers have applied so far', 'excerpt: half on arrival and half after one year');
    const result = runCli(['check', '--data', 'data'], { cwd: dir });
    assert.is(result.code, 1);
    assert.equal(result.stderr.trimEnd().split('\n'), [
      'data/claims.yaml:13:14  claims[1].excerpt  excerpt not found in the text of harbour-news (data/texts/harbour-news.txt): "half on arrival and half after one year"',
      '1 problem found',
    ]);
  } finally {
    await remove();
  }
});

test('a text that cannot be read is a problem at the source\'s text: line, and its excerpts are not reported again', async () => {
  const { dir, remove } = await copyTwoSources();
  try {
    await edit(path.join(dir, 'data/meta.yaml'), 'text: texts/council-notice.md', 'text: texts/council-notice-2024.md');
    const result = runCli(['check', '--data', 'data'], { cwd: dir });
    assert.is(result.code, 1);
    assert.equal(result.stderr.trimEnd().split('\n'), [
      "data/meta.yaml:12:11  sources[1].text  cannot read the source's text data/texts/council-notice-2024.md: it does not exist",
      '1 problem found',
    ]);
  } finally {
    await remove();
  }
});

test('--source FILE stands in for a source that names no text, and counts against it', () => {
  const result = runCli(['check', '--data', 'data', '--source', 'data/texts/radio-transcript.txt'], { cwd: fixture('facts/two-sources') });
  assert.is(result.code, 0, result.stderr);
  assert.is(
    result.stdout,
    'ok: 3 files, 1 programme, 0 topics, 5 claims; verified 2 excerpts and 1 quote against harbour-news (data/texts/harbour-news.txt), ' +
      '2 excerpts against council-notice (data/texts/council-notice.md), 1 excerpt against radio-interview (data/texts/radio-transcript.txt)\n',
  );
});

test('the bundled data is verified against the article\'s own text with no flag', () => {
  const result = runCli(['check']);
  assert.is(result.code, 0, result.stderr);
  assert.is(
    result.stdout,
    'ok: 31 files, 8 programmes, 8 topics, 61 claims; verified 55 excerpts and 7 quotes against reuters-2023-08-24 (data/sources/reuters-2023-08-24-china-chip-talent.txt)\n',
  );
});

test.run();
