import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderIncentivesChart } from '../../src/render/charts/incentives-chart.js';
import { renderTimelineChart } from '../../src/render/charts/timeline-chart.js';

test('the timeline chart is SVG with its dates and events, and no script', async () => {
  const svg = await renderTimelineChart([
    { date: '2019', approximate: false, event: 'Lantern begins.' },
    { date: '2023-11', approximate: true, event: 'Harbour publishes its *rules*.' },
  ]);
  assert.ok(svg);
  assert.match(svg, /^<svg/);
  assert.match(svg, '2019: Lantern begins.');
  assert.match(svg, 'Nov 2023: Harbour publishes its rules.');
  assert.match(svg, 'Approximate date');
  assert.not.match(svg, '<script');
});

test('the incentives chart labels each range in dollars and marks the document\'s programme in bold', async () => {
  const svg = await renderIncentivesChart([
    { programme: 'Lantern', label: 'Signing bonus', current: true, incentive: { kind: 'signing-bonus', label: 'x', min: 1e6, max: 2e6, currency: 'CNY', rate: { usdPerUnit: 0.14, basis: 'b' }, claim: 'c' } },
    { programme: 'Harbour Plan', label: 'Referral payment', current: false, incentive: { kind: 'referral-payment', label: 'y', max: 5e5, currency: 'CNY', usdAsReported: { max: 70000 }, claim: 'd' } },
  ]);
  assert.ok(svg);
  assert.match(svg, 'Lantern: Signing bonus');
  assert.match(svg, 'Harbour Plan: Referral payment');
  assert.match(svg, '$140k-$280k');
  assert.match(svg, '$70k');
  assert.match(svg, 'US dollars (log scale)');
  assert.match(svg, /font-weight="bold"[^>]*>Lantern: Signing bonus|Lantern: Signing bonus/);
  assert.not.match(svg, '<script');
});

test('nothing to compare draws no chart', async () => {
  assert.is(await renderTimelineChart([{ date: '2019', approximate: false, event: 'one' }]), null);
  assert.is(await renderIncentivesChart([]), null);
});

test.run();
