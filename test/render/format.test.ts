import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDate } from '../../src/render/format/dates.js';
import { formatFigure } from '../../src/render/format/figures.js';
import { renderMarkdown } from '../../src/render/format/markdown.js';
import { formatMoney, formatRate } from '../../src/render/format/money.js';
import { formatBilingualHtml, formatBilingualText } from '../../src/render/format/names.js';
import { pluralize } from '../../src/render/format/numbers.js';
import { bundledTemplatesDir, readTemplateSet } from '../../src/render/template-set.js';
import type { AmountView } from '../../src/documents/view-types.js';

const LABELS = readTemplateSet(bundledTemplatesDir()).labels;
const GB = { labels: LABELS, lang: 'en-GB' };
const amount = (fields: Partial<AmountView> & { currency: string }): AmountView => ({ amount: null, min: null, max: null, qualifier: null, ...fields });

test('an exact amount is one number; a round one from the millions up is compact, as Intl writes it for the language', () => {
  assert.is(formatMoney(amount({ currency: 'GBP', amount: 2_500_000_000 }), GB), '£2.5bn');
  assert.is(formatMoney(amount({ currency: 'EUR', amount: 40_000_000 }), GB), '€40m');
  assert.is(formatMoney(amount({ currency: 'USD', amount: 2_100_000 }), GB), 'US$2.1m');
  assert.is(formatMoney(amount({ currency: 'USD', amount: 2_100_000 }), { labels: LABELS, lang: 'en-US' }), '$2.1M');
  assert.is(formatMoney(amount({ currency: 'GBP', amount: 3245 }), GB), '£3,245');
  assert.is(formatMoney(amount({ currency: 'GBP', amount: 3_245_617 }), GB), '£3,245,617', 'compact would lose digits');
  assert.is(formatMoney(amount({ currency: 'EUR', amount: 40_000_000 }), { labels: LABELS, lang: 'de' }), '40\u00a0Mio.\u00a0€', 'German, with its no-break spaces');
});

test('a range is written in one style, both ends in full and an en dash between; one end alone says which way it bounds', () => {
  // Intl's formatRange wrote "CN¥3–5m" but "£2,000 – £3,245" (issue 18): one style for all.
  assert.is(formatMoney(amount({ currency: 'CNY', min: 3_000_000, max: 5_000_000 }), GB), 'CN¥3m–CN¥5m');
  assert.is(formatMoney(amount({ currency: 'GBP', min: 2000, max: 3245 }), GB), '£2,000–£3,245');
  assert.is(formatMoney(amount({ currency: 'EUR', min: 34_000, max: 100_000 }), GB), '€34,000–€100,000');
  assert.is(formatMoney(amount({ currency: 'USD', min: 420_000, max: 700_000 }), GB), 'US$420,000–US$700,000');
  assert.is(formatMoney(amount({ currency: 'CNY', max: 1_500_000 }), GB), 'up to CN¥1.5m');
  assert.is(formatMoney(amount({ currency: 'CNY', min: 850_000 }), GB), 'at least CN¥850,000');
  assert.is(formatMoney(amount({ currency: 'USD', max: 2_100_000, qualifier: 'about' }), GB), 'up to about US$2.1m');
  assert.is(formatMoney(amount({ currency: 'GBP', max: 35_000, qualifier: 'fewer than' }), GB), 'fewer than £35,000');
});

test('amounts are hedged as the source hedged them', () => {
  assert.is(formatMoney(amount({ currency: 'GBP', amount: 3_000_000, qualifier: 'about' }), GB), 'about £3m');
  assert.is(formatMoney(amount({ currency: 'GBP', amount: 35_000, qualifier: 'fewer than' }), GB), 'fewer than £35,000');
  assert.is(formatMoney(amount({ currency: 'KRW', amount: 35_000_000, qualifier: 'more than' }), GB), 'more than ₩35m');
});

test('where space is short (charts) amounts are compact from the thousands', () => {
  assert.is(formatMoney(amount({ currency: 'GBP', min: 2000, max: 3245 }), GB, 'compact'), '£2k–£3.25k');
  assert.is(formatMoney(amount({ currency: 'USD', amount: 420_000, qualifier: 'about' }), GB, 'compact'), 'about US$420k');
});

test('a rate is noted with its basis and, where given, its date', () => {
  assert.is(formatRate({ from: 'CNY', to: 'USD', rate: 0.14, basis: "the source's own conversion", date: null }, GB), "Converted at CN¥1 = US$0.14 (the source's own conversion).");
  assert.is(
    formatRate({ from: 'GBP', to: 'EUR', rate: 1.1712, basis: 'central bank reference rate', date: '2024-03-28' }, GB),
    'Converted at £1 = €1.171 on 28 March 2024 (central bank reference rate).',
  );
});

test('a rate of a small unit is given for a power of ten of it, so the number is readable', () => {
  assert.is(formatRate({ from: 'KRW', to: 'EUR', rate: 0.00068, basis: 'the agency\'s own rate', date: null }, GB), "Converted at ₩1,000 = €0.68 (the agency's own rate).");
  assert.is(formatRate({ from: 'JPY', to: 'USD', rate: 0.0067, basis: 'central bank reference rate', date: null }, GB), 'Converted at JP¥100 = US$0.67 (central bank reference rate).');
});

test('dates keep the precision the data gives them, in the dataset\'s language', () => {
  assert.is(formatDate('2023-08-24'), '24 August 2023');
  assert.is(formatDate('2022-10'), 'October 2022');
  assert.is(formatDate(2019), '2019');
  // One style for every date of a document (issue 18): "short" no longer abbreviates ("Sept" beside "Mar").
  assert.is(formatDate('2023-02', 'short'), 'February 2023');
  assert.is(formatDate('2020-09-29', 'short'), '29 September 2020');
  assert.is(formatDate('2023-08-24', 'long', 'en-US'), 'August 24, 2023');
  assert.is(formatDate('2023-08-24', 'long', 'ko'), '2023년 8월 24일');
});

test('names carry their native form marked with its language, and its direction where it runs right to left', () => {
  const qiming = { en: 'Qiming', native: { text: '启明', lang: 'zh', dir: 'ltr' as const, romanized: { text: 'Qǐmíng', system: 'pinyin' } } };
  assert.is(formatBilingualText(qiming), 'Qiming (启明, Qǐmíng)');
  assert.is(formatBilingualText({ en: 'Harbour Plan', native: null }), 'Harbour Plan');
  assert.is(
    formatBilingualHtml({ en: 'Q&A <x>', native: { text: '한국', lang: 'ko', dir: 'ltr', romanized: null } }),
    'Q&amp;A &lt;x&gt; <span class="name-alt">(<span lang="ko" class="nw">한국</span>)</span>',
  );
  assert.is(
    formatBilingualHtml({ en: 'Peace', native: { text: 'שלום', lang: 'he', dir: 'rtl', romanized: { text: 'Shalom', system: 'ISO 259' } } }),
    'Peace <span class="name-alt">(<span lang="he" dir="rtl">שלום</span>, <i class="romanized">Shalom</i>)</span>',
  );
});

test('plurals agree with their count', () => {
  assert.is(pluralize(1, 'source'), '1 source');
  assert.is(pluralize(3, 'source'), '3 sources');
  assert.is(pluralize(2, 'person', 'people'), '2 people');
});

test('figures show "unknown" as such, a size in words as the value, and keep their qualifiers', () => {
  assert.is(formatFigure({ value: 'unknown' }, GB), 'unknown');
  assert.is(formatFigure({ value: 200, qualifier: 'more than', unit: 'people' }, GB), 'more than 200 people');
  assert.is(formatFigure({ value: 35_000, qualifier: 'fewer than', unit: 'people' }, GB), 'fewer than 35,000 people');
  assert.is(formatFigure({ value: 5_000_000, unit: 'CNY' }, GB), 'CN¥5m');
  assert.is(formatFigure({ value: 'thousands', unit: 'engineers' }, GB), 'thousands of engineers');
  assert.is(formatFigure({ value: 'tens of thousands' }, GB), 'tens of thousands');
  assert.is(formatFigure({ value: 25, qualifier: 'about', unit: '%' }, GB), 'about 25%');
});

test('markdown leaves raw HTML as text and refuses javascript: and data: links', () => {
  const html = renderMarkdown('Hi <script>alert(1)</script> [x](javascript:alert(1)) [y](data:text/html,boo) [z](https://example.org)');
  assert.not.match(html, '<script');
  assert.match(html, '&lt;script&gt;');
  assert.not.match(html, 'href="javascript:');
  assert.not.match(html, 'href="data:');
  assert.match(html, 'href="https://example.org"');
});

test('markdown sets typographic quotes', () => {
  assert.match(renderMarkdown('"sensitive"'), '“sensitive”');
});

test.run();
