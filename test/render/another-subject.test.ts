// A dataset on another subject (issue 13): adult retraining in England, amounts in pounds, names
// in Korean. Built by the real CLI and read back out of the real PDFs.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pageCount, pdfFonts, pdfReadingText } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';

const DATA = 'test/fixtures/render/pounds';
const CJK_FONT = /NotoSans(SC|TC|JP|KR)/;
let out: string;
const flat = (file: string) => pdfReadingText(path.join(out, file));

test.before(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'brief-pounds-'));
  const result = runCli(['build', '--data', DATA, '--out', out, '--quiet']);
  assert.is(result.code, 0, result.stderr);
});
test.after(() => rm(out, { recursive: true, force: true }));

test('amounts in pounds print as Intl writes them for British English, hedged as the source hedged them', () => {
  const text = flat('programmes/bootcamps/bootcamps-brief.pdf');
  for (const phrase of [
    'Budget over the spending period: £2.5bn',
    "Contribution towards each learner's wages: about £3m",
    // Both ends in full, an en dash between, in every range (issue 18).
    'Grant per place: £2,000–£3,245',
    'fewer than 35,000 people',
    'thousands of engineers',
    'Paid to: Small and medium-sized employers',
  ]) {
    assert.ok(text.includes(phrase), phrase);
  }
});

test('no incentive has a conversion: no comparison column, no dollars, and the chart is drawn in pounds', () => {
  const text = flat('programmes/bootcamps/bootcamps-brief.pdf');
  assert.ok(text.includes('Programme Incentive Amount Skills Bootcamps Budget over the spending period £2.5bn'), 'the table has three columns');
  assert.ok(text.includes('Figure. Incentives compared across programmes in GBP (log scale).'));
  assert.ok(text.includes('£100 £1k £10k £100k £1m £10m GBP (log scale) £100m £1bn £10bn'), "the chart's axis, in pounds");
  // £1,800 to £2.5bn: a log axis, and the caption says why (issue 18).
  assert.ok(text.includes('The axis is logarithmic because the largest amount is more than twenty times the smallest.'));
  for (const word of ['In USD', 'US$', '$', 'yuan', 'CN¥', 'pinyin', 'Recruitment target', 'Recruited', 'In US dollars', 'not reported']) {
    assert.not.ok(text.includes(word), word);
  }
});

test('a Korean name comes out as text, set in the bundled Noto Sans KR', () => {
  const file = 'programmes/exchange/exchange-brief.pdf';
  const text = flat(file);
  assert.ok(text.includes('UK–Korea skills exchange 한영 기술 교류 Hanyeong Gisul Gyoryu'), 'the title with its Korean name and romanisation');
  assert.ok(text.includes('Kim Min-ji 김민지, Exchange co-ordinator'));
  assert.ok(text.includes('Korean skills agency (한국산업인력공단, Hanguk Saneop Illyeok Gongdan)'));
  const fonts = pdfFonts(path.join(out, file)).map((f) => f.name);
  assert.ok(fonts.some((name) => /NotoSansKR/.test(name)), fonts.join());
  assert.not.ok(fonts.some((name) => /NotoSans(SC|TC|JP)/.test(name)), `no Chinese or Japanese face: ${fonts.join()}`);
});

test('the HTML marks the Korean name with its own language', async () => {
  const html = await readFile(path.join(out, 'programmes/exchange/exchange.html'), 'utf8');
  assert.match(html, '<span class="title-native"><span lang="ko" class="nw">한영 기술 교류</span></span>');
  assert.match(html, "font-family:'Noto Sans KR'");
  assert.not.match(html, "font-family:'Noto Sans SC'");
});

test('a document whose text is all Latin embeds no CJK font', () => {
  for (const file of ['topics/plain/plain-brief.pdf', 'topics/plain/plain-one-pager.pdf', 'programmes/bootcamps/bootcamps-one-pager.pdf']) {
    const fonts = pdfFonts(path.join(out, file)).map((f) => f.name);
    assert.ok(fonts.length > 0, file);
    assert.not.ok(fonts.some((name) => CJK_FONT.test(name)), `${file}: ${fonts.join()}`);
  }
});

test('the one-pager shows the takeaways it has room for, and puts the event after the as-of date under what happens next', () => {
  const file = 'programmes/bootcamps/bootcamps-one-pager.pdf';
  assert.is(pageCount(path.join(out, file)), 1);
  const text = flat(file);
  // The fifth takeaway fits on the sheet (issue 18): nothing is counted as left out.
  assert.ok(text.includes('The evaluation has not been published.'));
  assert.not.ok(text.includes('more takeaway in the brief'));
  assert.ok(
    text.includes('TIMELINE 2021 The first bootcamps open. 2 1 April 2022 The budget of £2.5bn is set. 1 WHAT HAPPENS NEXT 1 September 2024 An evaluation is due after the as-of date. WHO PAYS The state pays'),
    text,
  );
});

test('the source is cited in full once; each note names only who, the excerpt and where in the source', () => {
  const text = flat('programmes/bootcamps/bootcamps-brief.pdf');
  assert.ok(text.includes('Sources 1. The Skills Wire, “Bootcamps’ second year: who trains, and who pays,” 1 March 2024.'));
  assert.is(text.split('The Skills Wire, “Bootcamps’').length - 1, 1, 'the headline once');
  assert.ok(text.includes('Every note cites the source above.'));
  assert.ok(text.includes('Named official (A department spokesperson): Excerpt: “employers’ contributions, which the department said it would ‘keep under review’” (para. 7). Confidence: medium.'));
  assert.ok(text.includes('Sources: 1, 2, 3'), "a section's notes, ascending");
});

test.run();
