// Data for every language (issue 23, item 5): excerpt length per script, matching that forgives
// wave dashes, corner brackets and width variants, a "not found" message that shows where the text
// differs, folded YAML joined without a space between Japanese characters, rough counts, native-first
// names, a comparison currency nothing converts to, and `brief list` aligned by display width.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { displayWidth } from '../../src/text/display-width.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const EXAMPLE = path.join(ROOT, 'examples/island-teachers');
let dir: string;
test.before.each(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brief-language-data-'));
  await cp(path.join(EXAMPLE, 'data'), path.join(dir, 'data'), { recursive: true });
});
test.after.each(() => rm(dir, { recursive: true, force: true }));

async function edit(file: string, from: string, to: string): Promise<void> {
  const full = path.join(dir, 'data', file);
  const text = await readFile(full, 'utf8');
  assert.ok(text.includes(from), `${file} holds ${from}`);
  await writeFile(full, text.replace(from, to));
}

const check = () => runCli(['check', '--data', path.join(dir, 'data')], { cwd: dir });

test('a 190-character Japanese excerpt is refused with its length', async () => {
  // 190 characters of the article's first three paragraphs.
  const long = '潮見県教育委員会は、離島の小中学校に赴任する教員に月額5万円の赴任手当を支給している。手当は2024年4月に始まり、対象は県内の離島にある11校である。赴任時には着任一時金として30万円を支給する。応募できるのは45歳未満の教員に限られる。県教委によると、2025年度の応募者は約20人にとどまり、欠員が続く学校も数校あるという。県は2025年11月20日、新たに「島の先生住宅支';
  assert.is([...long].length, 190);
  await edit('claims.yaml', 'excerpt: 2025年度の応募者は約20人にとどまり、欠員が続く学校も数校あるという', `excerpt: ${long}`);
  const result = check();
  assert.is(result.code, 1);
  assert.match(
    result.stderr,
    /claims\.yaml:52:14  claims\[4\]\.excerpt  excerpt is 190 characters long; an excerpt holds at most 25 words, or 60 characters of Chinese, Japanese or Korean: keep the words that bear the claim out\n/,
  );
});

test('an English excerpt is measured in words: 26 are refused', async () => {
  const words = 'The county pays every teacher who moves to one of its eleven island schools a monthly allowance and a single payment when they arrive there today';
  await edit('claims.yaml', 'excerpt: 2026年度から始める予定だ。', `excerpt: ${words}`);
  assert.match(check().stderr, /claims\[6\]\.excerpt  excerpt is 26 words long/);
});

test('an excerpt at the limit passes: 60 Japanese characters', async () => {
  const sixty = '手当は2024年4月に始まり、対象は県内の離島にある11校である。';
  await edit('claims.yaml', 'excerpt: 手当は2024年4月に始まり、対象は県内の離島にある11校である。', `excerpt: ${sixty}`);
  assert.is(check().code, 0);
});

test('a wave dash, corner brackets and full-width digits written otherwise than the source still match', async () => {
  await writeFile(path.join(dir, 'data/sources/shiomi-nippo-2026-01-16.txt'), (await readFile(path.join(EXAMPLE, 'data/sources/shiomi-nippo-2026-01-16.txt'), 'utf8')) + '\n　対象は小学校〜中学校である。\n');
  await edit('claims.yaml', 'excerpt: 2026年度から始める予定だ。', 'excerpt: "２０２６年度から始める予定だ。"');
  await edit('quotes.yaml', 'words: お金だけでは人は来ない。島で暮らし続けられる環境を整えたい', 'words: 「お金だけでは人は来ない。島で暮らし続けられる環境を整えたい」');
  await edit('claims.yaml', 'excerpt: 手当はありがたいが、異動の見通しが立たないことが一番の不安だ', 'excerpt: 対象は小学校～中学校である。');
  const result = check();
  assert.is(result.stderr, '');
  assert.is(result.code, 0);
});

test('an excerpt not found shows the nearest passage and the first character that differs', async () => {
  await edit('claims.yaml', 'excerpt: 赴任時には着任一時金として30万円を支給する。', 'excerpt: 赴任時には着任一時金として50万円を支給する。');
  const result = check();
  assert.is(result.code, 1);
  assert.match(
    result.stderr,
    'excerpt not found in the text of shiomi-nippo-2026-01-16 (data/sources/shiomi-nippo-2026-01-16.txt): "赴任時には着任一時金として50万円を支給する。"; ' +
      'the nearest passage in the text is "赴任時には着任一時金として30万円を支給す…": from character 14 of the excerpt it has "3" (U+0033) where the excerpt has "5" (U+0035)',
  );
});

test('folded YAML text is joined without a space between Japanese characters, and with one between English words', async () => {
  const result = runCli(['build', '--data', path.join(dir, 'data'), '--out', path.join(dir, 'out'), '--format', 'html', '--topic', 'ritou-kyoin'], { cwd: dir, timeout: 120_000 });
  assert.is(result.code, 0, result.stderr);
  const html = await readFile(path.join(dir, 'out/topics/ritou-kyoin/ritou-kyoin.html'), 'utf8');
  assert.ok(html.includes('お金は用意されたが、教員が挙げる不安は異動の見通しであり、手当では解決しない。'), 'the bottom line reads without a space');
  assert.not.ok(html.includes('用意されたが、 教員'));
});

test('a rough count prints in the language\'s words, and a programme with only a Japanese name checks clean and leads with it in `brief list`', async () => {
  const result = runCli(['list', '--data', path.join(dir, 'data')], { cwd: dir });
  assert.is(result.code, 0, result.stderr);
  assert.is(
    result.stdout,
    [
      'programme  ritou-funin-teate    離島教員赴任手当 (Remote-island teacher posting allowance)  provincial, active     6 claims',
      'programme  shima-sensei-jutaku  島の先生住宅支援                                            provincial, announced  4 claims',
      'topic      ritou-kyoin          離島の教員確保                                              2 programmes           8 claims',
      '',
    ].join('\n'),
  );
  const lines = result.stdout.trim().split('\n');
  // Aligned by display width: the fourth column starts at the same terminal column on every line.
  const starts = lines.map((line) => displayWidth(line.slice(0, line.search(/provincial|2 programmes/))));
  assert.equal(new Set(starts).size, 1);
});

test('a programme with no name at all is refused at its line', async () => {
  await edit('programmes.yaml', '      native:\n        text: 島の先生住宅支援\n        lang: ja\n        romanized: { text: Shima no Sensei Jūtaku Shien, system: Hepburn }\n', '');
  const result = check();
  assert.is(result.code, 1);
  assert.match(result.stderr, /programmes\.yaml:\d+:\d+  programmes\[1\]\.name  gives no name: give name\.en, or native \{ text, lang \} for a name in its own language/);
});

test('a comparison currency no rate converts to is a warning naming the first amount it leaves out', async () => {
  await edit('meta.yaml', 'comparisonCurrency: JPY', 'comparisonCurrency: USD');
  const result = check();
  assert.is(result.code, 0);
  assert.match(result.stderr, /programmes\.yaml:\d+:\d+  programmes\[0\]\.incentives\[0\]\.currency  is JPY, and no rate anywhere converts to the comparison currency USD \(meta\.comparisonCurrency\)/);
});

test('a dataset in Arabic runs right to left from the page down, with Arabic labels', async () => {
  await edit('meta.yaml', 'language: ja', 'language: ar');
  const result = runCli(['build', '--data', path.join(dir, 'data'), '--out', path.join(dir, 'out'), '--format', 'html', '--topic', 'ritou-kyoin'], { cwd: dir, timeout: 120_000 });
  assert.is(result.code, 0, result.stderr);
  const html = await readFile(path.join(dir, 'out/topics/ritou-kyoin/ritou-kyoin.html'), 'utf8');
  assert.match(html, '<html lang="ar" dir="rtl"');
  assert.match(html, 'أهم النقاط');
});

test('display width counts East Asian wide characters as two columns', () => {
  assert.is(displayWidth('離島'), 4);
  assert.is(displayWidth('귀국'), 4);
  assert.is(displayWidth('A-levels'), 8);
  assert.is(displayWidth('ｶ'), 1);
  assert.is(displayWidth('é'), 1);
});

test.run();
