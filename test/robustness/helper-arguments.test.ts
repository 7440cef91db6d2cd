// Issue 11: every helper checks its arguments; a wrong call in a user's template fails the build with
// the template's file, line and column and what the helper wanted, instead of printing "NaN" or
// "[object Object]". Each case is one call on line 3, column 3, of a user's partial.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../helpers/run-cli.js';
import { countBadInput, errorLines, makeTemp, robustnessFixture, type Workspace } from './helpers.js';

const DATA = robustnessFixture('raw-html/data');

let ws: Workspace;
test.before(async () => {
  ws = await makeTemp();
});
test.after(() => ws.remove());

/** The build's stderr and exit code with `call` on line 3 of a user's bottom-line partial. */
async function buildWithCall(name: string, call: string): Promise<{ code: number | null; lines: string[]; partial: string }> {
  const templates = path.join(ws.dir, name);
  const partial = path.join(templates, 'partials/bottom-line.hbs');
  await mkdir(path.dirname(partial), { recursive: true });
  await writeFile(partial, `<section class="bottom-line">\n  <h2>Bottom line</h2>\n  ${call}\n</section>\n`);
  const result = runCli(['build', '--data', DATA, '--templates', templates, '--out', path.join(ws.dir, `${name}-out`), '--format', 'html']);
  return { code: result.code, lines: errorLines({ ...result, signal: null }), partial };
}

const CASES: [helper: string, call: string, message: string][] = [
  ['date', '{{date}}', 'date wants a date like "2023-08-24"; got nothing'],
  ['date with a style', '{{date titleBlock.asOf "tiny"}}', 'date wants "short" or "long" after the date; got "tiny"'],
  ['md', '{{md takeaways}}', 'md wants Markdown text (a string); got a list of 1 item such as "<img src=\\"missing.png\\" alt=\\"\\" onerror..."'],
  ['mdInline', '{{mdInline 3}}', 'mdInline wants Markdown text (a string); got the number 3'],
  ['money', '{{money titleBlock.title}}', 'money wants an amount (an object with a currency, and amount or min and max); got "Raw scheme"'],
  ['money given an object', '{{money titleBlock}}', 'money wants an amount (an object with a currency, and amount or min and max); got an object (series, kicker, title, name, ...)'],
  ['rate', '{{rate 5}}', 'rate wants an exchange rate (an object with from, to, rate and basis); got the number 5'],
  ['rate with nothing', '{{rate}}', 'rate wants an exchange rate (an object with from, to, rate and basis); got nothing'],
  ['figure', '{{figure 200}}', 'figure wants a figure (an object with a value: a number, "unknown" or a size in words); got the number 200'],
  ['bilingual', '{{bilingual titleBlock.title}}', 'bilingual wants a name (an object with en, and native where known); got "Raw scheme"'],
  ['native', '{{native titleBlock.title}}', 'native wants a native name (an object with text and lang); got "Raw scheme"'],
  ['label', '{{label}}', 'label wants a key (text such as "heading.notes"), then a count where it takes one; got nothing'],
  ['typographic', '{{typographic 3}}', 'typographic wants text (a string); got the number 3'],
  ['notelist', '{{notelist 1}}', 'notelist wants a list of endnote numbers; got the number 1'],
  ['zh', '{{zh titleBlock}}', 'zh wants Chinese text (a string); got an object (series, kicker, title, name, ...)'],
  ['zh given HTML', '{{zh (mdInline titleBlock.title)}}', 'zh wants Chinese text (a string); got HTML made by another helper'],
  ['noteref', '{{noteref "1"}}', 'noteref wants an endnote number (a whole number from 1); got "1"'],
  ['noterefs', '{{noterefs 1}}', 'noterefs wants a list of endnote numbers; got the number 1'],
  ['plural', '{{plural}}', 'plural wants a count (a number) first; got nothing'],
  ['plural without its word', '{{plural 3}}', 'plural wants the singular word (a string) second; got nothing'],
  ['join', '{{join titleBlock.title}}', 'join wants a list of strings; got "Raw scheme"'],
  ['join with too many', '{{join takeaways ", " "; "}}', 'join takes at most 2 arguments; got 3'],
  ['join with a named argument', '{{join takeaways sep=", "}}', 'join takes no name=value arguments; got sep='],
];

for (const [helper, call, message] of CASES) {
  test(`${helper}: ${call} fails with the template's line and what ${helper.split(' ')[0]} wants, exit 1`, async () => {
    countBadInput(`helper called wrongly: ${helper}`);
    const result = await buildWithCall(helper.replace(/\W+/g, '-'), call);
    assert.is(result.code, 1, result.lines.join('\n'));
    assert.equal(result.lines, [`error: ${result.partial}:3:3  template failed: ${message}  near: ${call}`]);
  });
}

test('the same helpers called rightly still render', async () => {
  const call = '<p id="right">{{date titleBlock.asOf "short"}}|{{plural 2 "person" "people"}}|{{zh titleBlock.name.native.text}}|{{native titleBlock.name.native}}|{{noteref 1}}</p>';
  const result = await buildWithCall('right', call);
  assert.is(result.code, 0, result.lines.join('\n'));
  const html = await readFile(path.join(ws.dir, 'right-out/programmes/raw/raw.html'), 'utf8');
  // "short" is accepted and writes the one date style (issue 18).
  assert.match(html, '<p id="right">24 August 2023|2 people|<span lang="zh">原始</span>|<span lang="zh" class="nw">原始</span>|<sup class="noteref"><a href="#note-1">1</a></sup></p>');
});

test.run();
