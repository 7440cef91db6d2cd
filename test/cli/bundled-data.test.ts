// The documents of the bundled dataset, built by the real CLI and read back out of the real PDFs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pageCount, pdfFonts, pdfInfo, pdfReadingText, pdfText, readBookmarks } from '../helpers/pdf.js';
import { BUNDLED_PROGRAMMES, BUNDLED_TOPICS } from '../helpers/bundled-subjects.js';
import { runCli } from '../helpers/run-cli.js';

const PROGRAMMES = BUNDLED_PROGRAMMES;
const TOPICS = BUNDLED_TOPICS;

let out: string;
let again: string;
const flat = (file: string) => pdfText(file).replace(/\s+/g, ' ');
const pdf = (kind: 'programmes' | 'topics', id: string, format: string) => path.join(out, kind, id, `${id}-${format}.pdf`);

test.before(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'brief-bundled-'));
  again = await mkdtemp(path.join(os.tmpdir(), 'brief-bundled-again-'));
  for (const dir of [out, again]) {
    const result = runCli(['build', '--format', 'brief', '--format', 'one-pager', '--out', dir, '--quiet']);
    assert.is(result.code, 0, result.stderr);
  }
});
test.after(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(again, { recursive: true, force: true });
});

test('every one-pager of every programme and topic is exactly one page', () => {
  for (const id of PROGRAMMES) assert.is(pageCount(pdf('programmes', id, 'one-pager')), 1, id);
  for (const id of TOPICS) assert.is(pageCount(pdf('topics', id, 'one-pager')), 1, id);
});

test("each programme's brief holds its incentives and scale figures as they stand in the data, and a figure not known under what is not known", () => {
  // Incentives as the list under "Incentives" prints them; key figures as value, note and label.
  const read: Record<string, string[]> = {
    qiming: [
      // Ranges in one style, both ends in full (issue 18).
      'Typical signing bonus: CN¥3m–CN¥5m (US$420,000–US$700,000)',
      'Rewards per researcher, as a headhunter advertised them: up to CN¥15m (up to about US$2.1m)',
      'Payment to an employer whose recommended candidate is accepted (Huzhou): up to CN¥1.5m (up to about US$210,000)',
      'thousands of people 13 Applicants to Qiming and associated programmes',
      // Not a headline figure (issue 18): said under "What is not known".
      'Experts recruited: not known 19',
    ],
    huoju: ['Rewards per researcher, as a headhunter advertised them: up to CN¥15m (up to about US$2.1m)'],
    huzhou: ['Payment to an employer whose recommended candidate is accepted into Qiming: up to CN¥1.5m (up to about US$210,000)'],
    kunpeng: [
      "Wenzhou's local investment per Kunpeng professional: up to CN¥200m (up to about US$28m)",
      'Wenzhou party Organization Department allocation to Kunpeng and similar programmes, 2022: up to CN¥85m (up to about US$12m)',
      // The key figures keep together on one page (issue 18), in rows pdftotext reads value by value.
      '200 people 2 48 people 2',
      'Experts to attract in five years (June 2022)',
      'Experts recruited (June 2022)',
    ],
    wenzhou: [
      'Local investment per Kunpeng professional: up to CN¥200m (up to about US$28m)',
      'Organization Department allocation to Kunpeng and similar programmes, 2022: up to CN¥85m (up to about US$12m)',
    ],
    zhuji: [
      'more than 200 people 1 Applicants to talent programmes, mainly Qiming (October 2022)',
      "8 people 2 Previous year's successful candidates who had returned to China (October 2022)",
    ],
  };
  for (const [id, phrases] of Object.entries(read)) {
    const text = pdfReadingText(pdf('programmes', id, 'brief'));
    for (const phrase of phrases) assert.ok(text.includes(phrase), `${id}: "${phrase}"`);
    assert.not.ok(/Key figures.*\bunknown\b.*Overview/.test(text), `${id}: no figure "unknown"`);
  }
});

test('Chinese names come out of the PDFs as text, in the bundled Noto Sans SC', () => {
  const names = { huoju: '火炬计划', kunpeng: '鲲鹏行动', qiming: '启明', 'thousand-talents': '千人计划' };
  for (const [id, zh] of Object.entries(names)) {
    const file = pdf('programmes', id, 'brief');
    assert.ok(flat(file).includes(zh), `${id}: ${zh}`);
    const fonts = pdfFonts(file);
    assert.ok(fonts.some((f) => /NotoSansSC/.test(f.name)), `${id}: ${fonts.map((f) => f.name).join()}`);
  }
});

test('every font in every brief is embedded, and none is a Type 3 stand-in', () => {
  for (const id of PROGRAMMES) {
    for (const font of pdfFonts(pdf('programmes', id, 'brief'))) {
      assert.ok(font.embedded, `${id}: ${font.name} not embedded`);
      assert.not.match(font.type, /Type 3/, `${id}: ${font.name}`);
    }
  }
});

test('the endnotes name who stands behind each claim, and the one source is cited in full once', () => {
  const text = pdfReadingText(pdf('programmes', 'qiming', 'brief'));
  assert.ok(text.includes('Anonymous sources'));
  assert.ok(text.includes('Review of government documents'));
  assert.ok(
    text.includes(
      'Sources 1. Reuters (Julie Zhu, Fanny Potkin, Eduardo Baptista, Michael Martina), “China quietly recruits overseas chip talent as US tightens curbs,” Hong Kong / Singapore / Washington, 24 August 2023.',
    ),
  );
  assert.is(text.split('China quietly recruits overseas chip talent').length - 1, 1, 'the headline once, not in every note');
  // Qiming's notes include outside facts, which name no source document: the one source is said with that exception.
  assert.ok(text.includes('Every note cites the source above, but those on outside facts, which cite none.'));
  assert.ok(text.includes('Outside fact (Public record of Chinese ministry names, outside the article):'), text);
  assert.not.ok(text.includes('Reuters, 24 Aug 2023.'), 'no note names the one source again');
});

/**
 * How many pages' worth of a brief its source list and notes fill: from the top of the "Sources"
 * heading to the last line above the footer, in the text area of an A4 page (20 mm and 18 mm margins).
 */
function notesShare(file: string): number {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const pages = [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  const mm = (n: number, height: number) => (n / 297) * height;
  let share = 0;
  let started = false;
  for (const [, h, body] of pages) {
    const height = Number(h);
    const [top, bottom] = [mm(20, height), height - mm(18, height)];
    const words = [...body!.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ y0: Number(m[1]), y1: Number(m[2]), text: m[3] }));
    const inText = words.filter((w) => w.y1 < bottom && w.y0 > top);
    const heading = started ? undefined : inText.find((w, i) => w.text === 'Sources' && inText[i + 1]?.text === '1.');
    if (heading) started = true;
    if (!started || inText.length === 0) continue;
    share += (Math.max(...inText.map((w) => w.y1)) - (heading ? heading.y0 : top)) / (bottom - top);
  }
  return share;
}

test("the bundled briefs' source lists and notes fill less than a quarter of their pages (31 % before the source list)", () => {
  let pages = 0;
  let notes = 0;
  for (const [kind, ids] of [['programmes', PROGRAMMES], ['topics', TOPICS]] as const) {
    for (const id of ids) {
      pages += pageCount(pdf(kind, id, 'brief'));
      notes += notesShare(pdf(kind, id, 'brief'));
    }
  }
  assert.ok(notes > 0 && notes / pages <= 0.25, `${notes.toFixed(1)} of ${pages} pages`);
});

test('the charts come out as vector text in the brief', () => {
  const text = flat(pdf('programmes', 'qiming', 'brief'));
  assert.ok(text.includes('US$420k–US$700k'), "the incentives chart's range label");
  assert.ok(text.includes('US$100k US$1m US$10m US$100m US$1bn USD (log scale)'), "the chart's axis, in the tables' form");
  assert.ok(text.includes('The axis is logarithmic because the largest amount is more than twenty times the smallest.'));
  // Qiming has ten dated events: a table, no chart; Thousand Talents three: a chart, no table (issue 18).
  assert.not.ok(text.includes('Events in date order.'));
  const few = flat(pdf('programmes', 'thousand-talents', 'brief'));
  assert.ok(few.includes('Approximate date'), "the timeline chart's legend");
  assert.is(few.split('China launches the Thousand Talents Plan').length - 1, 1, 'each event once');
});

test("every bundled brief and one-pager keeps a copy editor's rules (issue 18)", () => {
  for (const [kind, ids] of [['programmes', PROGRAMMES], ['topics', TOPICS]] as const) {
    for (const id of ids) {
      for (const format of ['brief', 'one-pager']) {
        const text = pdfReadingText(pdf(kind, id, format));
        const where = `${id}-${format}`;
        assert.not.ok(/[.?!][”’] ?[.,]/.test(text), `${where}: a stop after a quotation that ends with one`);
        assert.not.ok(/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/.test(text), `${where}: an abbreviated month beside months in full`);
        assert.not.ok(/\([^()]*\([^()]*\)[^()]*\)/.test(text), `${where}: a bracket inside a bracket`);
        if (format === 'one-pager') assert.is(text.split('PUBLIC — FOR BRIEFING AND TEACHING').length - 1, 1, `${where}: the marking once`);
      }
    }
  }
});

test('a bundled one-pager names its one source once, for all its facts', () => {
  const text = pdfReadingText(pdf('programmes', 'qiming', 'one-pager'));
  assert.ok(text.includes('All facts: Reuters, “China quietly recruits overseas chip talent as US tightens curbs”, 24 August 2023, unless noted.'));
  assert.is(text.split('China quietly recruits').length - 1, 1);
  assert.not.ok(text.includes('Source of every note'));
});

test('briefs carry bookmarks and document information', async () => {
  const file = pdf('programmes', 'qiming', 'brief');
  const bookmarks = await readBookmarks(file);
  assert.equal(bookmarks.map((b) => b.title), ['Qiming 启明']);
  assert.equal(bookmarks[0]!.items.map((b) => b.title), [
    'BOTTOM LINE',
    'Key takeaways',
    'At a glance',
    'Key figures',
    'Overview',
    'What it is and who runs it',
    'Whom it seeks',
    'What it pays',
    'What is not known',
    'Incentives',
    'Timeline',
    'People and organisations',
    'In their words',
    'What is not known',
    'Related programmes and topics',
    'Sources',
    'Notes',
  ]);
  const info = pdfInfo(file);
  assert.is(info.Title, 'Qiming (启明, Qǐmíng): brief');
  assert.is(info.Author, 'Briefing Press research desk');
  assert.match(info.Creator ?? '', /^briefing-press \d+\.\d+\.\d+$/);
  assert.is(info.Tagged, 'yes');
  assert.match(info.CreationDate ?? '', /Aug 24 00:00:00 2023/);
});

test('two builds of the same inputs give byte-identical PDFs, the pack and the manifest included', async () => {
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
  const paths = [...manifest.files.map((f) => f.path), 'briefing-pack.pdf', 'manifest.json'];
  assert.is(paths.length, 34, 'a brief and a one-pager of 8 programmes and 8 topics, the pack and the manifest');
  for (const file of paths) {
    const [a, b] = await Promise.all([readFile(path.join(out, file)), readFile(path.join(again, file))]);
    const hash = (x: Buffer) => createHash('sha256').update(x).digest('hex');
    assert.is(hash(a), hash(b), file);
  }
});

test.run();
