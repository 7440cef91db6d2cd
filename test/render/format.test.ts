import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDate } from '../../src/render/format/dates.js';
import { formatFigure } from '../../src/render/format/figures.js';
import { renderMarkdown } from '../../src/render/format/markdown.js';
import { formatMoney, formatRateNote } from '../../src/render/format/money.js';
import { formatBilingualHtml, formatBilingualText } from '../../src/render/format/names.js';
import { pluralize } from '../../src/render/format/numbers.js';

test('money in yuan shows the US-dollar figure as the source reported it', () => {
  const text = formatMoney({ min: 3_000_000, max: 5_000_000, currency: 'CNY', reported: { currency: 'USD', min: 420_000, max: 700_000, qualifier: 'about' } });
  assert.is(text, '3 million-5 million yuan (about $420,000-$700,000)');
});

test('money without a reported dollar figure is converted at the rate, and the note names its basis', () => {
  const incentive = { max: 1_500_000, currency: 'CNY', rate: { rate: 0.14, to: 'USD', basis: 'the source\'s own conversion' } };
  assert.is(formatMoney(incentive), 'up to 1.5 million yuan (up to about $210,000)');
  assert.is(formatRateNote(incentive), "US dollars converted at $0.14 per yuan (the source's own conversion).");
});

test('money with neither rate nor dollar figure shows only its own currency', () => {
  assert.is(formatMoney({ min: 850_000, currency: 'CNY' }), 'at least 850,000 yuan');
});

test('dates keep the precision the data gives them', () => {
  assert.is(formatDate('2023-08-24'), '24 August 2023');
  assert.is(formatDate('2022-10'), 'October 2022');
  assert.is(formatDate(2019), '2019');
  assert.is(formatDate('2023-02', 'short'), 'Feb 2023');
});

test('bilingual names put the characters and pinyin in brackets, the characters marked as Chinese', () => {
  assert.is(formatBilingualText({ en: 'Qiming', zh: '启明', pinyin: 'Qǐmíng' }), 'Qiming (启明, Qǐmíng)');
  assert.is(formatBilingualText({ en: 'Harbour Plan' }), 'Harbour Plan');
  const html = formatBilingualHtml({ en: 'Q&A <x>', zh: '启明', pinyin: 'Qǐmíng' });
  assert.match(html, '<span lang="zh">启明</span>');
  assert.match(html, 'Q&amp;A &lt;x&gt;');
});

test('plurals agree with their count', () => {
  assert.is(pluralize(1, 'source'), '1 source');
  assert.is(pluralize(3, 'source'), '3 sources');
  assert.is(pluralize(2, 'person', 'people'), '2 people');
});

test('figures show "unknown" as such and keep their qualifiers', () => {
  assert.is(formatFigure({ value: 'unknown' }), 'unknown');
  assert.is(formatFigure({ value: 200, qualifier: 'more than', unit: 'people' }), 'more than 200 people');
  assert.is(formatFigure({ value: 5_000_000, unit: 'CNY' }), '5 million yuan');
  assert.is(formatFigure({ value: 'thousands', unit: 'applicants' }), 'thousands of applicants');
  assert.is(formatFigure({ value: 25, qualifier: 'about', unit: '%' }), 'about 25%');
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
