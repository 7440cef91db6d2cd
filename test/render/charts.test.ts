import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderIncentivesChart } from '../../src/render/charts/incentives-chart.js';
import { textWidth, wrapText } from '../../src/render/charts/svg.js';
import { renderTimelineChart } from '../../src/render/charts/timeline-chart.js';
import { bundledTemplatesDir, readTemplateSet } from '../../src/render/template-set.js';

/** The circles of a timeline: centre x and whether hollow, in row order. */
const dots = (svg: string) =>
  [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*fill="(#[0-9a-f]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), hollow: m[3] === '#fff' }));
/** The text elements of a chart: x, anchor and content. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text x="(-?[\d.]+)" y="(-?[\d.]+)" text-anchor="(\w+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), anchor: m[3], text: m[4]! }));


const WORDING = { labels: readTemplateSet(bundledTemplatesDir()).labels, lang: 'en-GB' };
/** The bars of a timeline: left and right x and whether hollow, in row order. */
const bars = (svg: string) =>
  [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="7" fill="(#[0-9a-f]+)"/g)].map((m) => ({
    from: Number(m[1]),
    to: Math.round((Number(m[1]) + Number(m[3])) * 100) / 100,
    hollow: m[4] === '#fff',
  }));

test('the timeline chart is SVG with its dates and events, and no script', () => {
  const svg = renderTimelineChart(
    [
      { date: '2019', approximate: false, event: 'Lantern begins.' },
      { date: '2023-11', approximate: true, event: 'Harbour publishes its *rules*.' },
    ],
    WORDING,
  );
  assert.ok(svg);
  // Dates in the document's one style (issue 18): "November 2023", never "Nov 2023" beside "4 March 2019".
  assert.ok(svg.startsWith('<svg role="img" aria-label="Timeline of 2 events, from 2019 to November 2023: 2019, Lantern begins; about November 2023, Harbour publishes its rules."'), svg.slice(0, 200));
  assert.match(svg, '>2019: Lantern begins.</text>');
  assert.match(svg, '>November 2023: Harbour publishes its rules.</text>');
  assert.match(svg, '>Approximate date</text>');
  assert.match(svg, '>Month or year only</text>');
  assert.not.match(svg, '<script');
});

test('a date known to the day is a dot at that day, hollow where approximate; a month is a bar across the month', () => {
  const svg = renderTimelineChart(
    [
      { date: '2019-01-01', approximate: false, event: 'First.' },
      { date: '2021-07', approximate: true, event: 'Middle.' },
      { date: '2023-01-01', approximate: false, event: 'Last.' },
    ],
    WORDING,
    460,
  )!;
  // The plot is inset by a dot's radius and 3 px at each end (issue 18: no dot reaches its label), so
  // 1 January 2019 to 1 January 2023, 1,461 days, run over 446.18 px from 6.91 px: July 2021 runs
  // from day 912 (285.43 px) to day 942 (294.59 px).
  const [first, last, ...legend] = dots(svg);
  assert.equal([first!.x, first!.hollow, last!.x, last!.hollow], [6.91, false, 453.09, false]);
  const [july, legendBar] = bars(svg);
  assert.equal(july, { from: 285.43, to: 294.59, hollow: true });
  assert.ok(legendBar, 'the legend shows the bar too');
  assert.ok(first!.y < last!.y, 'one row each, in order');
  assert.is(legend.length, 1, 'the legend shows a filled dot, and the hollow bar the approximate month is drawn as');
  const years = texts(svg).filter((t) => /^\d{4}$/.test(t.text));
  assert.equal(years.map((t) => t.text), ['2019', '2020', '2021', '2022', '2023']);
  assert.ok(years.every((t) => t.x >= 0 && t.x + textWidth(t.text, 10) <= 460.01), 'no label runs past either end of the axis');
});

test('a year given without month or day is a bar across the year, not a dot on 1 January', () => {
  const svg = renderTimelineChart(
    [
      { date: '2019', approximate: false, event: 'One.' },
      { date: '2020', approximate: false, event: 'Two.' },
    ],
    WORDING,
    460,
  )!;
  // 1 January 2019 to 31 December 2020 is 730 days over 446.18 px from 6.91 px: 2019 ends on day 364,
  // 2020 starts on day 365. Drawn light grey, not black (issue 18): a year says less than a day.
  assert.equal(bars(svg), [
    { from: 6.91, to: 229.39, hollow: false },
    { from: 230, to: 453.09, hollow: false },
  ]);
  assert.match(svg, 'fill="#b0b0b0"');
  assert.is(dots(svg).length, 0);
  assert.not.match(svg, 'Month or year only', 'one kind of mark needs no key');
});

test('a timeline over decades is marked in round years, not every year', () => {
  const svg = renderTimelineChart(
    [
      { date: '1958', approximate: false, event: 'Founded.' },
      { date: '2023', approximate: false, event: 'Revived.' },
    ],
    WORDING,
  )!;
  const years = texts(svg).filter((t) => /^\d{4}$/.test(t.text)).map((t) => t.text);
  assert.equal(years, ['1960', '1970', '1980', '1990', '2000', '2010', '2020']);
});

test('a long event is wrapped onto lines of its own, never cut with an ellipsis', () => {
  const event = 'The provincial talent office publishes a notice listing the universities whose graduates may apply, and the rewards each is offered.';
  const svg = renderTimelineChart(
    [
      { date: '2019-03-04', approximate: false, event },
      { date: '2020-05-06', approximate: false, event: 'Short.' },
    ],
    WORDING,
  )!;
  const lines = [...svg.matchAll(/<tspan x="-6" dy="[\d.]+">([^<]*)<\/tspan>/g)].map((m) => m[1]);
  assert.equal(lines, [
    '4 March 2019: The provincial talent office publishes a',
    'notice listing the universities whose graduates may',
    'apply, and the rewards each is offered.',
  ]);
  assert.not.match(svg, '…');
});

const money = (currency: string, fields: { amount?: number; min?: number; max?: number; qualifier?: 'about' }) => ({
  currency,
  amount: fields.amount ?? null,
  min: fields.min ?? null,
  max: fields.max ?? null,
  qualifier: fields.qualifier ?? null,
});
const lantern = { programme: 'Lantern', description: 'Signing bonus', current: true, amount: money('USD', { min: 140_000, max: 280_000, qualifier: 'about' }) };
const harbour = { programme: 'Harbour Plan', description: 'Referral payment', current: false, amount: money('USD', { max: 70_000, qualifier: 'about' }) };

test('the incentives chart labels each range in its currency, compact, and marks the document\'s programme in bold', () => {
  const chart = renderIncentivesChart([lantern, harbour], 'USD', WORDING);
  assert.ok(chart);
  const { svg } = chart;
  // Its alternative text says what it shows, bar by bar (issue 14); $70k to $280k is within
  // twentyfold, so the axis is linear and the text does not say "log" (issue 18).
  assert.ok(
    svg.startsWith(
      '<svg role="img" aria-label="Bar chart of 2 incentives in USD, each bar spanning the range reported: Lantern: Signing bonus, about US$140k–US$280k (this programme); Harbour Plan: Referral payment, up to about US$70k."',
    ),
    svg.slice(0, 300),
  );
  assert.is(chart.log, false);
  assert.match(svg, '>Lantern: Signing bonus</text>');
  assert.match(svg, '>Harbour Plan: Referral payment</text>');
  assert.match(svg, '>about US$140k–US$280k</text>');
  assert.match(svg, '>up to about US$70k</text>');
  assert.match(svg, '>USD</text>');
  assert.match(svg, /font-weight="bold"[^>]*>Lantern: Signing bonus/);
  assert.not.match(svg, /font-weight="bold"[^>]*>Harbour Plan/);
  assert.not.match(svg, '<script');
});

test('the chart is drawn in pounds as readily as in dollars, and leaves out what is in another currency', () => {
  const budget = { programme: 'Bootcamps', description: 'Budget', current: true, amount: money('GBP', { amount: 2_500_000_000 }) };
  const grant = { programme: 'Bootcamps', description: 'Grant per place', current: true, amount: money('GBP', { min: 2000, max: 3245 }) };
  const { svg } = renderIncentivesChart([budget, grant, harbour], 'GBP', WORDING)!;
  assert.match(svg, '>£2.5bn</text>');
  assert.match(svg, '>£2k–£3.25k</text>');
  assert.match(svg, '>GBP (log scale)</text>');
  assert.not.match(svg, 'Harbour Plan');
});

const budget = { programme: 'Harbour Plan', description: 'Programme budget', current: false, amount: money('USD', { amount: 5_000_000 }) };

test('the incentives axis is linear where the amounts are within twentyfold, starting at nothing', () => {
  const chart = renderIncentivesChart([lantern, harbour], 'USD', WORDING, 330)!;
  assert.is(chart.log, false);
  // $0 to $280k, rounded out to $300k, over the plot less the room the longest amount label needs; a
  // label that would touch the one before it (US$50k beside US$0) or run past the end is left out.
  const axis = texts(chart.svg).filter((t) => /^US\$[\d.]+[km]?$/.test(t.text) && t.y > 36).map((t) => t.text);
  assert.equal(axis, ['US$0', 'US$100k', 'US$200k']);
  assert.not.match(chart.svg, 'log');
});

test('the incentives axis is logarithmic only past twentyfold, rounded to powers of ten, with light solid grid lines', () => {
  const { svg, log } = renderIncentivesChart([lantern, harbour, budget], 'USD', WORDING, 330)!;
  assert.is(log, true);
  assert.match(svg, '>USD (log scale)</text>');
  // $70k to $5m, with room: $10k to $100m, four decades of 82.5 px; an amount A sits at 82.5 * log10(A / $10k) px.
  const axis = texts(svg).filter((t) => /^US\$[\d.]+[km]?$/.test(t.text) && t.y > 62);
  assert.equal(axis.map((t) => t.text), ['US$10k', 'US$100k', 'US$1m', 'US$10m', 'US$100m']);
  // Each range runs from its low to its high amount: Lantern's $140k-$280k, Harbour's single $70k.
  const bars = [...svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="\2" stroke="#\w+" stroke-width="5"/g)];
  assert.equal(bars.map((m) => [Number(m[1]), Number(m[3])]), [[94.56, 119.39], [69.72, 69.72], [222.67, 222.67]]);
  // Grid lines only at labelled ticks, light and solid: never dense dotted lines behind the bars.
  assert.not.match(svg, 'stroke-dasharray');
  assert.is((svg.match(/stroke="#e3e3e3"/g) ?? []).length, axis.length);
});

test('labels are measured with the font\'s widths and wrapped at their limit, never cut', () => {
  assert.ok(textWidth('iiii', 9) < textWidth('MMMM', 9));
  assert.ok(textWidth('Qiming', 9, true) > textWidth('Qiming', 9));
  assert.is(textWidth('启明', 10), 20, 'Chinese characters are an em wide');
  const long = 'Wenzhou talent programme: Organization Department payment per recruited expert';
  assert.equal(wrapText(long, 120, 9), ['Wenzhou talent', 'programme: Organization', 'Department payment per', 'recruited expert']);
  assert.equal(wrapText('Short', 120, 9), ['Short']);
  assert.equal(wrapText('启明计划启明计划启明计划启明计划', 60, 10), ['启明计划启明', '计划启明计划', '启明计划']);
});

test('nothing to compare draws no chart', () => {
  assert.is(renderTimelineChart([{ date: '2019', approximate: false, event: 'one' }], WORDING), null);
  assert.is(renderIncentivesChart([], 'USD', WORDING), null);
});

test.run();
