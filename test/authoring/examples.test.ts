// The bundled examples (issue 13, item 10): each checks clean with no flag and no warning, each
// source verified against its own text; `brief init --example NAME` starts from either; the
// Korean example builds, its Hangul names come out as text in a bundled Korean font, and none of
// its documents carries the wording of the first bundled subject. Both examples' PDFs and packs
// meet every rule of the accessibility checker (issue 19).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_EXAMPLE, EXAMPLES } from '../../src/authoring/examples.js';
import { pdfFonts, pdfReadingText } from '../helpers/pdf.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { checkAccessibility, formatResults } from '../helpers/ua-checks.js';

/** Each file's failed rules, as the checker words them; '' where every rule holds. */
async function accessibilityFailures(out: string, files: string[]): Promise<string> {
  const failures: string[] = [];
  for (const file of files) {
    const failed = (await checkAccessibility(file)).filter((r) => !r.ok);
    if (failed.length > 0) failures.push(`${path.relative(out, file)}:\n${formatResults(failed)}`);
  }
  return failures.join('\n');
}

const KOREAN = 'examples/korean-fellowships';

test('the examples init offers are the folders under examples/, northvale first and by default', async () => {
  const folders = (await readdir(path.join(ROOT, 'examples'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  assert.equal(Object.keys(EXAMPLES).sort(), folders.sort());
  assert.is(DEFAULT_EXAMPLE, 'northvale');
});

test('the northvale example checks clean with no flag, its excerpts verified against its article', () => {
  const result = runCli(['check', '--data', 'examples/northvale/data']);
  assert.is(result.stderr, '');
  assert.is(result.code, 0);
  assert.is(
    result.stdout,
    'ok: 9 files, 2 programmes, 1 topic, 6 claims; verified 6 excerpts and 1 quote against example-gazette-2024-03-12 (examples/northvale/data/sources/example-article.txt)\n',
  );
});

test('the Korean example checks clean with no flag and no warning, each of its two sources verified against its own text', () => {
  const result = runCli(['check', '--data', `${KOREAN}/data`]);
  assert.is(result.stderr, '');
  assert.is(result.code, 0);
  assert.is(
    result.stdout,
    'ok: 9 files, 3 programmes, 1 topic, 14 claims; verified 9 excerpts and 2 quotes against hanbit-daily-2024-06-10 ' +
      `(${KOREAN}/data/sources/hanbit-daily-2024-06-10.txt), 4 excerpts against agency-notice-2024-17 (${KOREAN}/data/sources/agency-notice-2024-05.md)\n`,
  );
});

test('init --example korean-fellowships starts from it, and a name that is no example is one line naming the others', async () => {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'brief-examples-'));
  try {
    const made = runCli(['init', 'ko', '--example', 'korean-fellowships'], { cwd: parent });
    assert.is(made.code, 0, made.stderr);
    assert.equal((await readdir(path.join(parent, 'ko', 'data', 'sources'))).sort(), ['agency-notice-2024-05.md', 'hanbit-daily-2024-06-10.txt']);
    const check = runCli(['check'], { cwd: path.join(parent, 'ko') });
    assert.is(check.code, 0, check.stderr);
    assert.match(check.stdout, /^ok: 9 files, 3 programmes, 1 topic, 14 claims; verified 9 excerpts and 2 quotes against hanbit-daily-2024-06-10 \(data\/sources\/hanbit-daily-2024-06-10\.txt\)/);
    const wrong = runCli(['init', 'other', '--example', 'chinese-chips'], { cwd: parent });
    assert.is(wrong.code, 2);
    assert.is(wrong.stderr, 'error: no example "chinese-chips"; choose one of: northvale, korean-fellowships, island-teachers\n');
    assert.equal(await readdir(parent), ['ko']);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});

test('the Korean example builds: its Hangul names are text in a bundled Korean font, and no document carries the first subject\'s wording', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'brief-korean-'));
  try {
    const result = runCli(['build', '--data', `${KOREAN}/data`, '--out', out, '--format', 'brief', '--format', 'one-pager'], { timeout: 300_000 });
    assert.is(result.code, 0, result.stderr);
    const pdfs = ['homecoming-fellowship', 'nuri-return-grant', 'hanbit-relocation-loan']
      .flatMap((id) => [`programmes/${id}/${id}-brief.pdf`, `programmes/${id}/${id}-one-pager.pdf`])
      .concat(['topics/researcher-offers/researcher-offers-brief.pdf', 'topics/researcher-offers/researcher-offers-one-pager.pdf'])
      .map((file) => path.join(out, file));
    // Hangul may wrap between any two syllables: names are looked for with white space left out.
    const unspaced = (text: string) => text.replace(/\s+/g, '');
    const fellowship = unspaced(pdfReadingText(pdfs[0]!));
    for (const name of ['Homecoming Researcher Fellowship', '귀국연구자 펠로십', 'Gwiguk Yeonguja Pellosip', '박서연', '국가연구인재청']) {
      assert.ok(fellowship.includes(unspaced(name)), `the fellowship's brief holds ${name}`);
    }
    assert.ok(pdfFonts(pdfs[0]!).some((f) => /Noto\s*Sans\s*KR/i.test(f.name) && f.embedded), 'a Korean Noto font is embedded');
    for (const file of pdfs) {
      const text = pdfReadingText(file);
      for (const wording of ['yuan', 'pinyin', 'Recruitment target', 'Recruited', 'In US dollars', 'Qiming', 'China', 'CNY']) {
        assert.not.ok(text.includes(wording), `${path.relative(out, file)} holds "${wording}"`);
      }
    }
    assert.is(await accessibilityFailures(out, [...pdfs, path.join(out, 'briefing-pack.pdf')]), '');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('the northvale example builds, and its documents and pack meet every rule of the accessibility checker', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'brief-northvale-'));
  try {
    const result = runCli(['build', '--data', 'examples/northvale/data', '--out', out, '--format', 'brief', '--format', 'one-pager'], { timeout: 300_000 });
    assert.is(result.code, 0, result.stderr);
    const pdfs = (await readdir(out, { recursive: true })).filter((file) => file.endsWith('.pdf')).sort();
    assert.is(pdfs.length, 7, pdfs.join(', '));
    assert.is(await accessibilityFailures(out, pdfs.map((file) => path.join(out, file))), '');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test.run();
