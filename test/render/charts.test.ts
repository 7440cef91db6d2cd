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
  assert.match(svg, /^<svg role="img" aria-label="Timeline of 2 events"/);
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
  const years = texts(svg).filter((t) => /^\d{4}$/.test(t.text)).map((t) => Number(t.text));
  assert.ok(years.length >= 3 && years.length <= 12, years.join(' '));
  assert.ok(years.every((year) => year % 10 === 0), years.join(' '));
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
  const width = 330;
  const svg = renderIncentivesChart([lantern, harbour], width)!;
  const labels = texts(svg).filter((t) => t.text.startsWith('$') && !t.text.includes('-') && t.y > 36);
  assert.equal([labels[0]!.text, labels.at(-1)!.text], ['$10k', '$10M'], 'from $35k/2 and $280k*20, rounded out');
  // On a log axis the powers of ten are evenly spaced.
  const at = (label: string) => labels.find((t) => t.text === label)!.x;
  assert.ok(Math.abs(at('$100k') - width / 3) < 0.01 && Math.abs(at('$1M') - (2 * width) / 3) < 0.01);
  const extents = labels.map((t) => {
    const w = textWidth(t.text, 9);
    const start = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
    return [start, start + w] as const;
  });
  for (let i = 1; i < extents.length; i++) assert.ok(extents[i]![0] > extents[i - 1]![1], `${labels[i]!.text} overlaps ${labels[i - 1]!.text}`);
  // Each range runs from its low to its high amount: Lantern's $140k-$280k spans a factor of two.
  const bar = [...svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="\2" stroke="#000" stroke-width="5"/g)][0]!;
  assert.ok(Math.abs(Number(bar[3]) - Number(bar[1]) - (width / 3) * Math.log10(2)) < 0.02, 'a factor of two is log10(2) of a decade');
});

test('labels are measured with the font\'s widths and cut to their limit with an ellipsis', () => {
  assert.ok(textWidth('iiii', 9) < textWidth('MMMM', 9));
  assert.ok(textWidth('Qiming', 9, true) > textWidth('Qiming', 9));
  assert.is(textWidth('启明', 10), 20, 'Chinese characters are an em wide');
  const long = 'Wenzhou talent programme: Organization Department payment per recruited expert';
  const cut = fitText(long, 120, 9);
  assert.ok(cut.endsWith('…') && textWidth(cut, 9) <= 120 && cut.length > 10, cut);
  assert.is(fitText('Short', 120, 9), 'Short');
  const svg = renderIncentivesChart([{ ...lantern, label: long }, harbour])!;
  const row = texts(svg).find((t) => t.text.startsWith('Lantern'))!;
  assert.ok(row.text.endsWith('…') && textWidth(row.text, 9, true) <= 260, row.text);
});

test('nothing to compare draws no chart', () => {
  assert.is(renderTimelineChart([{ date: '2019', approximate: false, event: 'one' }]), null);
  assert.is(renderIncentivesChart([]), null);
});

test.run();
