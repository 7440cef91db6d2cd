// The Japanese example (issue 23, item 6) built and read back: every running header holds its
// title (離 in it), no Simplified-Chinese face in a Japanese document, no line starting with a
// character Japanese never starts a line with, dates whole, no English label left, the native name
// leading, the metadata in Japanese. And an English document with Japanese names draws them in
// Japanese forms and keeps titles with 離, 難, 雑, 鯨, 驚 in its header.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pageCount, pageText, pdfFonts, pdfInfo, pdfReadingText } from '../helpers/pdf.js';
import { withPdfJs } from '../helpers/read-pdf.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const EXAMPLE = 'examples/island-teachers';
const DOCUMENTS = [
  ['programmes/ritou-funin-teate/ritou-funin-teate-brief.pdf', '離島教員赴任手当（ブリーフ）'],
  ['programmes/ritou-funin-teate/ritou-funin-teate-one-pager.pdf', '離島教員赴任手当（ファクトシート）'],
  ['programmes/shima-sensei-jutaku/shima-sensei-jutaku-brief.pdf', '島の先生住宅支援（ブリーフ）'],
  ['programmes/shima-sensei-jutaku/shima-sensei-jutaku-one-pager.pdf', '島の先生住宅支援（ファクトシート）'],
  ['topics/ritou-kyoin/ritou-kyoin-brief.pdf', '離島の教員確保（ブリーフ）'],
  ['topics/ritou-kyoin/ritou-kyoin-one-pager.pdf', '離島の教員確保（ファクトシート）'],
] as const;

/** Each printed line of a PDF as pdf.js places its text: items on one baseline, split where a column gap parts them. */
async function printedLines(file: string): Promise<string[]> {
  return withPdfJs(file, async (doc) => {
    const lines: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      const rows = new Map<number, Array<{ x: number; end: number; text: string }>>();
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const y = Math.round(item.transform[5] as number);
        const row = rows.get(y) ?? [];
        row.push({ x: item.transform[4] as number, end: (item.transform[4] as number) + item.width, text: item.str });
        rows.set(y, row);
      }
      for (const row of rows.values()) {
        row.sort((a, b) => a.x - b.x);
        let line = '';
        let end = -Infinity;
        for (const item of row) {
          if (line && item.x - end > 12) {
            lines.push(line);
            line = '';
          }
          line += item.text;
          end = item.end;
        }
        if (line) lines.push(line);
      }
    }
    return lines;
  });
}

let out: string;
test.before(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'brief-japanese-'));
  const result = runCli(['build', '--data', `${EXAMPLE}/data`, '--out', out, '--format', 'brief', '--format', 'one-pager'], { timeout: 300_000 });
  assert.is(result.code, 0, result.stderr);
});
test.after(() => rm(out, { recursive: true, force: true }));

test('the Japanese example checks clean with no flag and no warning', () => {
  const result = runCli(['check', '--data', `${EXAMPLE}/data`]);
  assert.is(result.stderr, '');
  assert.is(
    result.stdout,
    `ok: 9 files, 2 programmes, 1 topic, 10 claims; verified 10 excerpts and 1 quote against shiomi-nippo-2026-01-16 (${EXAMPLE}/data/sources/shiomi-nippo-2026-01-16.txt)\n`,
  );
});

test('every page of every Japanese document has its title in the running header, 離 and all', () => {
  for (const [file, header] of DOCUMENTS) {
    const pdf = path.join(out, file);
    for (let page = 1; page <= pageCount(pdf); page++) {
      const first = pageText(pdf, page).split('\n').find((line) => line.trim() !== '') ?? '';
      assert.ok(first.trim().startsWith(header), `${file} page ${page} starts "${first.trim()}"`);
    }
  }
});

test('the Japanese documents embed the Japanese face and no Simplified-Chinese one', () => {
  for (const [file] of DOCUMENTS) {
    const names = pdfFonts(path.join(out, file)).map((f) => f.name);
    assert.ok(names.some((n) => /NotoSansJP/.test(n)), `${file} embeds Noto Sans JP`);
    assert.equal(names.filter((n) => /NotoSans(SC|TC|KR)/.test(n)), [], `${file} embeds another CJK face`);
  }
});

test('no printed line starts with a character Japanese never starts a line with, or ends with an opening bracket, and no date is split', async () => {
  for (const [file] of DOCUMENTS) {
    for (const line of await printedLines(path.join(out, file))) {
      const text = line.trim();
      assert.not.match(text, /^[ー。、」』）〕］｝〉》】ぁぃぅぇぉっゃゅょァィゥェォッャュョ]/, `${file}: a line starts "${text}"`);
      assert.not.match(text, /[「『（〔［｛〈《【]$/, `${file}: a line ends "${text}"`);
      // A date broken after 年 or 月 leaves a line starting with the month or the day.
      assert.not.match(text, /^\d{1,2}[月日]/, `${file}: a date is split at "${text}"`);
    }
  }
});

test('no English label or hedge is left, and the figures read as Japanese writes them', () => {
  for (const [file] of DOCUMENTS) {
    const text = pdfReadingText(path.join(out, file));
    for (const english of ['Key takeaways', 'At a glance', 'about', 'fewer than', 'Page', 'Status', 'Paid to', 'not reported', 'As of', 'Notes', 'Sources']) {
      assert.not.ok(text.includes(english), `${file} holds "${english}"`);
    }
  }
  const sheet = pdfReadingText(path.join(out, DOCUMENTS[1][0])).replace(/\s+/g, '');
  for (const figure of ['約20人', '45歳未満', '11校', '数校', '2026年1月16日現在', '要点']) assert.ok(sheet.includes(figure), `the fact sheet holds ${figure}`);
});

test('the native name leads the title, and the metadata is in Japanese', () => {
  const brief = path.join(out, DOCUMENTS[0][0]);
  assert.match(pdfReadingText(brief), /離島教員赴任手当 Remote-island teacher posting allowance/);
  assert.is(pdfInfo(brief).Title, '離島教員赴任手当 (Remote-island teacher posting allowance)（ブリーフ）');
  assert.is(pdfInfo(path.join(out, DOCUMENTS[2][0])).Title, '島の先生住宅支援（ブリーフ）');
});

test('an English brief with Japanese names embeds the Japanese face, and keeps titles with 離, 難, 雑, 鯨, 驚 in its header', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-japanese-en-'));
  try {
    await cp(path.join(ROOT, EXAMPLE, 'data'), path.join(dir, 'data'), { recursive: true });
    const meta = path.join(dir, 'data/meta.yaml');
    await writeFile(meta, (await readFile(meta, 'utf8')).replace('language: ja', 'language: en-GB'));
    const topics = path.join(dir, 'data/topics.yaml');
    await writeFile(topics, (await readFile(topics, 'utf8')).replace('title: 離島の教員確保', 'title: Teachers for remote islands (離島 難 雑 鯨 驚)'));
    const result = runCli(['build', '--data', path.join(dir, 'data'), '--out', path.join(dir, 'out'), '--format', 'brief'], { cwd: dir, timeout: 300_000 });
    assert.is(result.code, 0, result.stderr);
    const topic = path.join(dir, 'out/topics/ritou-kyoin/ritou-kyoin-brief.pdf');
    for (let page = 1; page <= pageCount(topic); page++) {
      assert.ok(pageText(topic, page).trim().startsWith('Teachers for remote islands (離島 難 雑 鯨 驚): brief'), `page ${page} keeps its header`);
    }
    // The programme with only a Japanese name leads with it in an English brief too, in Japanese forms.
    const housing = path.join(dir, 'out/programmes/shima-sensei-jutaku/shima-sensei-jutaku-brief.pdf');
    assert.ok(pageText(housing, 1).trim().startsWith('島の先生住宅支援: brief'));
    // The header's Han is drawn in the face of the Japanese names the brief marks, not in the Chinese one.
    const names = pdfFonts(topic).map((f) => f.name);
    assert.ok(names.some((n) => /NotoSansJP/.test(n)), 'the topic brief embeds Noto Sans JP');
    assert.ok(pdfFonts(housing).some((f) => /NotoSansJP/.test(f.name)), 'the programme brief embeds Noto Sans JP');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
