// Issue 18, items 2, 3, 4 and 6: key figures that are figures, charts that earn their place,
// one-pagers that use the sheet, and a copy editor's rules, on a small dataset built by the real
// CLI and read back out of the real PDFs.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pageCount, pdfReadingText } from '../helpers/pdf.js';
import { withPdfJs } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';

const DATA = 'test/fixtures/render/editing';
let out: string;
const flat = (file: string) => pdfReadingText(path.join(out, file));
const count = (text: string, part: string) => text.split(part).length - 1;
const BRIEF = 'programmes/bootcamps/bootcamps-brief.pdf';
const SHEET = 'programmes/bootcamps/bootcamps-one-pager.pdf';
const ALL = [
  BRIEF,
  SHEET,
  'programmes/exchange/exchange-brief.pdf',
  'programmes/exchange/exchange-one-pager.pdf',
  'programmes/advice/advice-brief.pdf',
  'topics/funding/funding-brief.pdf',
  'topics/funding/funding-one-pager.pdf',
  'topics/crowded/crowded-one-pager.pdf',
];

test.before(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'brief-editing-'));
  const result = runCli(['build', '--data', DATA, '--out', out, '--quiet']);
  assert.is(result.code, 0, result.stderr);
});
test.after(() => rm(out, { recursive: true, force: true }));

/** The brief's key-figures part: from its heading to the next section's. */
const keyFiguresOf = (text: string) => text.slice(text.indexOf('Key figures'), text.indexOf('Overview'));

test('an unknown figure is not a key figure: it is listed under "What is not known"', () => {
  for (const file of [BRIEF, SHEET]) {
    const text = flat(file);
    assert.not.ok(/unknown/i.test(keyFiguresOf(text)), file);
    assert.not.ok(text.includes('Learners still in work unknown'), file);
  }
  assert.ok(flat(BRIEF).includes('What is not known Whether the learners found work. Learners still in work: not known 4'));
  assert.ok(flat(SHEET).includes('WHAT IS NOT KNOWN Whether the learners found work. Learners still in work: not known'));
});

test('the same figure under two labels is shown once', () => {
  const text = flat(BRIEF);
  assert.is(count(text, 'fewer than 35,000 people'), 1);
  assert.not.ok(text.includes('Completions counted by the department'));
});

test('the grid holds at most its cap: the brief lists the rest in a table, the one-pager counts them', () => {
  const brief = flat(BRIEF);
  assert.ok(brief.includes('More figures 64,000 places 4 Places funded'), 'the ninth figure in the table');
  assert.not.ok(brief.includes('more key figures in the brief'));
  assert.ok(flat(SHEET).includes('3 more key figures in the brief'));
});

test('a caption that names its year is not followed by it again, and a million is written in words', () => {
  const text = flat(BRIEF);
  assert.ok(text.includes('1.4 million people 4'));
  assert.ok(text.includes('Adults in training in 2020'));
  assert.not.ok(text.includes('Adults in training in 2020 (2020)'));
  assert.not.ok(text.includes('1,400,000'));
});

test('no stop is printed after a quotation that already ends its sentence', () => {
  const text = flat(BRIEF);
  assert.ok(text.includes('Excerpt: “The department set aside a budget of 2.5 billion pounds.” Confidence: high.'));
  assert.ok(text.includes('Excerpt: “Were they launched in 2021?” Confidence: high.'));
  assert.ok(text.includes('‘keep under review’”. Confidence: medium.'), 'a quotation that does not end a sentence still gets its stop');
  for (const file of ALL) assert.not.ok(/[.?!][”’]\s?[.,]/.test(flat(file)), file);
});

test('every date of a document is written in one style: months in full, never abbreviated', () => {
  assert.ok(flat(BRIEF).includes('1 April 2022: The budget of £2.5bn is set.'));
  assert.ok(flat(SHEET).includes('1 April 2022 The budget of £2.5bn is set.'));
  assert.ok(flat('topics/funding/funding-brief.pdf').includes('4 March 2024 The exchange reports on its first half year.'));
  for (const file of ALL) assert.not.ok(/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/.test(flat(file)), file);
});

test('brackets never nest: the inner level becomes a comma', () => {
  assert.ok(flat(BRIEF).includes('National (England, Greater Manchester and the West Midlands)'));
  assert.ok(flat(BRIEF).includes("Review of government documents (The department's spending plans, 2022 to 2025)"));
  for (const file of ALL) assert.not.ok(/\([^()]*\([^()]*\)[^()]*\)/.test(flat(file)), file);
});

test('a range is written in one style, and a rate of a small unit is scaled to be readable', () => {
  assert.ok(flat(BRIEF).includes('Grant per place: £2,000–£3,245'));
  assert.ok(flat('topics/funding/funding-brief.pdf').includes('Converted at ₩1,000 = £0.58 (the agency\'s own conversion).'));
  for (const file of ALL) assert.not.ok(/₩1 = /.test(flat(file)), file);
});

test('a one-pager says what happens after its as-of date', () => {
  assert.ok(flat(SHEET).includes('WHAT HAPPENS NEXT 1 September 2024 An evaluation of the bootcamps is published.'));
  // The brief's timeline has it in its place.
  assert.ok(flat(BRIEF).includes('1 September 2024: An evaluation of the bootcamps is published.'));
});

test('a one-pager prints its marking once, and names the source most facts come from once', () => {
  const text = flat(SHEET);
  assert.is(count(text, 'PUBLIC — FIXTURE'), 1);
  assert.ok(text.includes('All facts: The Skills Wire, “Bootcamps’ second year: who trains, and who pays”, 1 March 2024, unless noted.'));
  assert.is(count(text, 'The Skills Wire, “'), 1);
  assert.not.ok(text.includes('Source of every note'));
});

test('an outside fact is never put under the source of every note: it names its own', () => {
  const text = flat('programmes/exchange/exchange-one-pager.pdf');
  assert.ok(text.includes("1 Outside fact (The agency's own announcement), The Other Paper, 15 October 2023."));
  assert.ok(text.includes('Sources: The Other Paper, “Exchange plans,” 15 October 2023.'));
  assert.not.ok(text.includes('Source of every note'));
});

test('a one-pager fills its sheet from the brief, and drops what does not fit before counting it', async () => {
  assert.ok(flat(SHEET).includes('IN BRIEF Skills Bootcamps are free courses of up to 16 weeks for adults in England.'));
  const crowded = 'topics/crowded/crowded-one-pager.pdf';
  const text = flat(crowded);
  assert.is(pageCount(path.join(out, crowded)), 1);
  assert.ok(text.includes('Takeaway number 4 is a long sentence'));
  assert.not.ok(text.includes('Takeaway number 5 is'), 'the further takeaways were dropped to fit');
  assert.ok(text.includes('10 more takeaways in the brief'));
  assert.ok(text.includes('WHAT IS NOT KNOWN Open question number 1'));
});

test("a programme's incentives chart is drawn only with its own amounts, on a linear axis where they allow", () => {
  const advice = flat('programmes/advice/advice-brief.pdf');
  assert.not.ok(advice.includes('Incentives compared'), 'no amounts of its own: no chart of others');
  assert.not.ok(advice.includes('Converted at'), 'nor the rate of a chart it does not draw');
  const exchange = flat('programmes/exchange/exchange-brief.pdf');
  assert.ok(exchange.includes('Incentives compared UK–Korea skills exchange: Monthly stipend for visiting trainers £1.8k'));
  assert.ok(exchange.includes('£0 £2k £4k £6k £8k £10k £12k GBP Figure. Incentives compared across programmes in GBP, as reported or converted at the rates under the table. Bars span the range reported. This programme is in black, others in grey.'));
  assert.not.ok(exchange.includes('log'));
});

test('the timeline is a chart or a table, never both: a chart for a few events, a table for many', () => {
  const brief = flat(BRIEF);
  assert.is(count(brief, 'The budget of £2.5bn is set.'), 1);
  assert.ok(brief.includes('Figure. Events in date order. A date given only to the month or the year is drawn as a lighter grey bar across it, an exact date as a black dot. Sources: 1, 2'));
  const topic = flat('topics/funding/funding-brief.pdf');
  assert.not.ok(topic.includes('Events in date order.'), 'ten events: the table alone');
  assert.is(count(topic, 'Trainers arrive in Seoul.'), 1);
  assert.ok(topic.includes('6 November 2023 Trainers arrive in Seoul. 2'));
});

test("a chart's text is printed at 7 pt or more", async () => {
  const sizes = await withPdfJs(path.join(out, BRIEF), async (doc) => {
    const found: { text: string; size: number }[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || !['Skills Bootcamps: Grant per place', '£12k', 'Exact date'].includes(item.str.trim())) continue;
        const [, , c, d] = item.transform as number[];
        found.push({ text: item.str, size: Math.hypot(c!, d!) });
      }
    }
    return found;
  });
  assert.ok(sizes.length >= 3, JSON.stringify(sizes));
  for (const { text, size } of sizes) assert.ok(size >= 7, `${text}: ${size.toFixed(2)} pt`);
});

test.run();
