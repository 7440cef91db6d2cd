// Characters no bundled font draws (issue 11): Thai, Georgian and emoji in the data are reported by
// `brief check` at their place, and fail just the documents that print them, naming each.
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pdfFonts, pdfText } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { withoutProof } from '../helpers/proof-lines.js';

// Relative to the project, where runCli runs, so messages name it as a user would see it.
const DATA = 'test/fixtures/fonts/other-scripts';
const BUNDLED_FONT = /^[A-Z]{6}\+(NotoSerif|NotoSans|NotoSansSCThin)-(Regular|Italic|SemiBold|Bold|BoldItalic)$/;

let out: string;
test.before(async () => {
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'brief-scripts-')), 'output');
});
test.after(() => rm(path.dirname(out), { recursive: true, force: true }));

const exists = (file: string) => access(path.join(out, file)).then(() => true, () => false);

test('brief check names each string holding such characters at its file:line:col, with their code points', () => {
  const result = runCli(['check', '--data', DATA]);
  assert.is(result.code, 1);
  assert.fixture(
    result.stderr,
    [
      'test/fixtures/fonts/other-scripts/claims.yaml:8:14  claims[0].excerpt  no bundled font can draw U+0E2A "ส", U+0E27 "ว", U+0E31 "ั" (and 2 more characters)',
      'test/fixtures/fonts/other-scripts/programmes.yaml:17:14  programmes[1].summary  no bundled font can draw U+10E5 "ქ", U+10D0 "ა", U+10E0 "რ" (and 1 more character)',
      'test/fixtures/fonts/other-scripts/programmes.yaml:31:9  programmes[2].takeaways[0]  no bundled font can draw U+1F600 "😀"',
      '3 problems found',
      '',
    ].join('\n'),
  );
});

test('brief build fails just the documents that print them, each in one line naming the character and the data it comes from', () => {
  const result = runCli(['build', '--data', DATA, '--out', out]);
  assert.is(result.code, 1, result.stderr);
  const errors = withoutProof(result.stderr).split('\n').filter((line) => line && !line.startsWith('built '));
  assert.not.ok(errors.some((line) => line.startsWith('warning: ')), result.stderr);
  assert.is(errors[0], 'error: 8 documents failed:');
  assert.equal(errors.slice(1).sort(), [
    'programmes/emoji/emoji-brief.pdf: no bundled font can draw U+1F600 "😀" from test/fixtures/fonts/other-scripts/programmes.yaml:26:5',
    'programmes/emoji/emoji-one-pager.pdf: no bundled font can draw U+1F600 "😀" from test/fixtures/fonts/other-scripts/programmes.yaml:26:5',
    'programmes/emoji/emoji.html: no bundled font can draw U+1F600 "😀" from test/fixtures/fonts/other-scripts/programmes.yaml:26:5',
    'programmes/georgian/georgian-brief.pdf: no bundled font can draw U+10E5 "ქ", U+10D0 "ა", U+10E0 "რ" from test/fixtures/fonts/other-scripts/programmes.yaml:14:5 (and 1 more character)',
    'programmes/georgian/georgian-one-pager.pdf: no bundled font can draw U+10E5 "ქ", U+10D0 "ა", U+10E0 "რ" from test/fixtures/fonts/other-scripts/programmes.yaml:14:5 (and 1 more character)',
    'programmes/georgian/georgian.html: no bundled font can draw U+10E5 "ქ", U+10D0 "ა", U+10E0 "რ" from test/fixtures/fonts/other-scripts/programmes.yaml:14:5 (and 1 more character)',
    'programmes/thai/thai-brief.pdf: no bundled font can draw U+0E2A "ส", U+0E27 "ว", U+0E31 "ั" from test/fixtures/fonts/other-scripts/claims.yaml:2:5 (and 2 more characters)',
    'programmes/thai/thai.html: no bundled font can draw U+0E2A "ส", U+0E27 "ว", U+0E31 "ั" from test/fixtures/fonts/other-scripts/claims.yaml:2:5 (and 2 more characters)',
  ]);
});

test('the other documents are built, and nothing in them comes from a system font', async () => {
  const built = [
    'programmes/thai/thai-one-pager.pdf', // The Thai claim's excerpt is quoted in the brief's notes only.
    'programmes/latin/latin-brief.pdf',
    'programmes/latin/latin-one-pager.pdf',
    'topics/plain/plain-brief.pdf',
    'topics/plain/plain-one-pager.pdf',
  ];
  for (const file of built) {
    for (const font of pdfFonts(path.join(out, file))) assert.match(font.name, BUNDLED_FONT, `${file}: ${font.name}`);
  }
  assert.ok(await exists('programmes/latin/latin.html'));
  assert.ok(await exists('topics/plain/plain.html'));
  assert.match(pdfText(path.join(out, 'programmes/latin/latin-brief.pdf')), 'A scheme described in Latin letters, Łódź and “quotes” included.');
  for (const failed of ['programmes/thai/thai-brief.pdf', 'programmes/georgian/georgian-brief.pdf', 'programmes/emoji/emoji.html']) {
    assert.not.ok(await exists(failed), `${failed} is not written`);
  }
});

test.run();
