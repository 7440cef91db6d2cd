import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderIncentivesChart } from '../../src/render/charts/incentives-chart.js';
import { fitText, textWidth } from '../../src/render/charts/svg.js';
import { renderTimelineChart } from '../../src/render/charts/timeline-chart.js';

/** The circles of a timeline: centre x and whether hollow, in row order. */
const dots = (svg: string) =>
  [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*fill="(#[0-9a-f]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), hollow: m[3] === '#fff' }));
/** The text elements of a chart: x, anchor and content. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text x="(-?[\d.]+)" y="(-?[\d.]+)" text-anchor="(\w+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), anchor: m[3], text: m[4]! }));

const lantern = { programme: 'Lantern', label: 'Signing bonus', current: true, incentive: { kind: 'signing-bonus', label: 'x', min: 1e6, max: 2e6, currency: 'CNY', rate: { usdPerUnit: 0.14, basis: 'b' }, claim: 'c' } } as const;
const harbour = { programme: 'Harbour Plan', label: 'Referral payment', current: false, incentive: { kind: 'referral-payment', label: 'y', max: 5e5, currency: 'CNY', usdAsReported: { max: 70000 }, claim: 'd' } } as const;

test('the timeline chart is SVG with its dates and events, and no script', () => {
  const svg = renderTimelineChart([
    { date: '2019', approximate: false, event: 'Lantern begins.' },
    { date: '2023-11', approximate: true, event: 'Harbour publishes its *rules*.' },
  ]);
  assert.ok(svg);
  assert.ok(svg.startsWith('<svg role="img" aria-label="Timeline of 2 events, from 2019 to November 2023: 2019, Lantern begins; about November 2023, Harbour publishes its rules."'), svg.slice(0, 200));
  assert.match(svg, '2019: Lantern begins.');
  assert.match(svg, 'Nov 2023: Harbour publishes its rules.');
  assert.match(svg, 'Approximate date');
  assert.not.match(svg, '<script');
});

test('the timeline places each event by its date, one row each, hollow where the date is approximate', () => {
  const width = 460;
  const svg = renderTimelineChart(
    [
      { date: '2019', approximate: false, event: 'First.' },
      { date: '2021-07', approximate: true, event: 'Middle.' },
      { date: '2023-01', approximate: false, event: 'Last.' },
    ],
    width,
  )!;
  const [first, middle, last, ...legend] = dots(svg);
  assert.is(first!.x, 0, 'the earliest event at the start of the axis');
  assert.is(last!.x, width, 'the latest at its end');
  // 1 Jan 2019 to 1 Jul 2021 is 912 days of the 1,461 to 1 Jan 2023.
  assert.ok(Math.abs(middle!.x - (width * 912) / 1461) < 0.01, `middle at ${middle!.x}`);
  assert.ok(first!.y < middle!.y && middle!.y < last!.y, 'one row each, in order');
  assert.equal([first!.hollow, middle!.hollow, last!.hollow], [false, true, false]);
  assert.is(legend.length, 2, 'the legend shows both marks');
  const years = texts(svg).filter((t) => /^\d{4}$/.test(t.text));
  assert.equal(years.map((t) => t.text), ['2019', '2020', '2021', '2022', '2023']);
  assert.equal([years[0]!.anchor, years.at(-1)!.anchor], ['start', 'end'], 'the labels at the ends are flush with the axis');
});

test('a timeline over decades is marked in round years, not every year', () => {
  const svg = renderTimelineChart([
    { date: '1958', approximate: false, event: 'Founded.' },
    { date: '2023', approximate: false, event: 'Revived.' },
  ])!;
  const years = texts(svg).filter((t) => /^\d{4}$/.test(t.text)).map((t) => t.text);
  assert.equal(years, ['1960', '1970', '1980', '1990', '2000', '2010', '2020']);
});

test('a timeline with every date known has no legend', () => {
  const svg = renderTimelineChart([
    { date: '2019', approximate: false, event: 'One.' },
    { date: '2020', approximate: false, event: 'Two.' },
  ])!;
  assert.is(dots(svg).length, 2);
  assert.not.match(svg, 'Approximate date');
});

test('the incentives chart labels each range in dollars and marks the document\'s programme in bold', () => {
  const svg = renderIncentivesChart([lantern, harbour]);
  assert.ok(svg);
  assert.match(svg, 'Lantern: Signing bonus');
  assert.match(svg, 'Harbour Plan: Referral payment');
  assert.match(svg, '$140k-$280k');
  assert.match(svg, '$70k');
  assert.match(svg, 'US dollars (log scale)');
  assert.match(svg, /font-weight="bold"[^>]*>Lantern: Signing bonus/);
  assert.not.match(svg, /font-weight="bold"[^>]*>Harbour Plan/);
  assert.not.match(svg, '<script');
});

test('the incentives axis is logarithmic, rounded to powers of ten, its labels never overlapping', () => {
  const svg = renderIncentivesChart([lantern, harbour], 330)!;
  // Room around $70k-$280k, rounded out to $10k-$10M: three decades of 110 px, so an amount A sits at
  // 110 * log10(A / $10k) px; only 1 and 2 of each decade are labelled, so no two labels touch.
  const axis = texts(svg).filter((t) => t.text.startsWith('$') && !t.text.includes('-') && t.y > 36);
  assert.equal(axis.map((t) => [t.text, t.x, t.anchor]), [
    ['$10k', 0, 'start'],
    ['$20k', 33.11, 'middle'],
    ['$100k', 110, 'middle'],
    ['$200k', 143.11, 'middle'],
    ['$1M', 220, 'middle'],
    ['$2M', 253.11, 'middle'],
    ['$10M', 330, 'end'],
  ]);
  // Each range runs from its low to its high amount: Lantern's $140k-$280k, Harbour's single $70k.
  const bars = [...svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="\2" stroke="#\w+" stroke-width="5"/g)];
  assert.equal(bars.map((m) => [Number(m[1]), Number(m[3])]), [[126.07, 159.19], [92.96, 92.96]]);
});

test('labels are measured with the font\'s widths and cut to their limit with an ellipsis', () => {
  assert.ok(textWidth('iiii', 9) < textWidth('MMMM', 9));
  assert.ok(textWidth('Qiming', 9, true) > textWidth('Qiming', 9));
  assert.is(textWidth('启明', 10), 20, 'Chinese characters are an em wide');
  const long = 'Wenzhou talent programme: Organization Department payment per recruited expert';
  assert.is(fitText(long, 120, 9), 'Wenzhou talent program…');
  assert.is(fitText('Short', 120, 9), 'Short');
  const svg = renderIncentivesChart([{ ...lantern, label: long }, harbour])!;
  assert.equal(texts(svg).filter((t) => t.text.startsWith('Lantern')).map((t) => t.text), ['Lantern: Wenzhou talent programme…']);
});

test('nothing to compare draws no chart', () => {
  assert.is(renderTimelineChart([{ date: '2019', approximate: false, event: 'one' }]), null);
  assert.is(renderIncentivesChart([]), null);
});

test.run();
