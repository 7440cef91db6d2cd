// Issue 5, item 5: a dataset of 10,000 claims, and a claim of 100,000 characters.
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { longText, writeLongClaimData, writeManyClaimsData } from './datasets.js';
import { pdfReadingText } from '../helpers/pdf.js';
import { brief, countBadInput, errorLines, makeTemp, pageCount, pdfText, type Workspace } from './helpers.js';

let ws: Workspace;
test.before(async () => {
  ws = await makeTemp();
});
test.after(() => ws.remove());

test('10,000 claims over four programmes check clean, and one programme’s brief builds with its notes', async () => {
  const data = await writeManyClaimsData(path.join(ws.dir, 'many'), 10_000);
  const checked = await brief(['check', '--data', data]);
  assert.is(checked.code, 0, checked.stderr);
  assert.match(checked.stdout, 'ok: 3 files, 4 programmes, 0 topics, 10000 claims');

  const out = path.join(ws.dir, 'many-out');
  const built = await brief(['build', '--data', data, '--out', out, '--programme', 'wide-2', '--format', 'brief']);
  assert.is(built.code, 0, built.stderr);
  // In reading order: the notes are set in two columns.
  const text = pdfReadingText(path.join(out, 'programmes/wide-2/wide-2-brief.pdf'));
  // Each note quotes its claim's excerpt.
  for (const n of [2, 6, 10]) assert.match(text, `the scheme recruited engineer ${n}`);
  countBadInput('10,000 claims');
});

test('a 100,000-character claim: the one-pager fails its fit naming the document, the brief paginates', async () => {
  const data = await writeLongClaimData(path.join(ws.dir, 'long'));
  const out = path.join(ws.dir, 'long-out');

  const onePager = await brief(['build', '--data', data, '--out', out, '--format', 'one-pager']);
  assert.is(onePager.code, 1, onePager.stderr);
  const lines = errorLines(onePager);
  assert.is(lines.length, 1, onePager.stderr);
  assert.match(lines[0]!, /^error: programmes\/long\/one-pager does not fit on one page: /);

  const built = await brief(['build', '--data', data, '--out', out, '--format', 'brief']);
  assert.is(built.code, 0, built.stderr);
  const file = path.join(out, 'programmes/long/long-brief.pdf');
  const pages = pageCount(file);
  assert.ok(pages >= 20, `the brief runs over many pages: ${pages}`);
  const text = pdfText(file);
  // Twice: the bottom line and the section's body, each from start to end.
  assert.is(text.match(/LONG-START/g)?.length, 2, 'both long texts begin');
  assert.is(text.match(/LONG-END/g)?.length, 2, 'both long texts end: nothing cut off');
  assert.is(longText().length, 100_000);
  countBadInput('100,000-character claim');
});

test.run();
