// Incentives compared across programmes in US dollars on a log scale, each range labelled with its
// amount; the document's own programme in black, the others in grey, so it reads in black and white.
import { formatUsdAmount, moneyParts } from '../format/money.js';
import { CHART_CONFIG, shorten } from './chart-config.js';
import { renderVegaLiteSvg } from './vega.js';
import type { Incentive } from '../../facts/schema.js';

export interface IncentiveChartRow {
  programme: string;
  label: string;
  current: boolean;
  incentive: Incentive;
}

const compact = (n: number) =>
  n >= 1e9 ? `$${+(n / 1e9).toFixed(1)}bn` : n >= 1e6 ? `$${+(n / 1e6).toFixed(1)}m` : n >= 1e3 ? `$${Math.round(n / 1e3)}k` : `$${n}`;

/** The comparison as SVG, or null when fewer than two incentives have a dollar amount. */
export async function renderIncentivesChart(rows: IncentiveChartRow[], width = 330): Promise<string | null> {
  const values = rows.flatMap((row, i) => {
    const parts = moneyParts(row.incentive);
    const low = parts.usdMin ?? parts.usdMax;
    const high = parts.usdMax ?? parts.usdMin;
    if (low === undefined || high === undefined || low <= 0) return [];
    return [{
      order: i,
      row: `${shorten(row.programme, 22)}: ${shorten(row.label, 34)}`,
      low,
      high,
      amount: low === high ? compact(low) : `${compact(low)}-${compact(high)}`,
      current: row.current ? 'this' : 'other',
      full: formatUsdAmount(parts),
    }];
  });
  if (values.length < 2) return null;
  const maxHigh = Math.max(...values.map((v) => v.high));
  const minLow = Math.min(...values.map((v) => v.low));
  const currentRows = values.filter((v) => v.current === 'this').map((v) => v.row);
  const color = { field: 'current', type: 'nominal', scale: { domain: ['this', 'other'], range: ['#000', '#8a8a8a'] }, legend: null } as const;
  return renderVegaLiteSvg(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      config: CHART_CONFIG,
      width,
      height: 18 * values.length,
      data: { values },
      encoding: {
        y: {
          field: 'row',
          type: 'ordinal',
          sort: { field: 'order' },
          title: null,
          axis: {
            labelLimit: 260,
            ticks: false,
            domain: false,
            labelFontWeight: { condition: { test: `indexof(${JSON.stringify(currentRows)}, datum.value) >= 0`, value: 'bold' }, value: 'normal' },
          },
        },
      },
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 5 },
          encoding: {
            x: {
              field: 'low',
              type: 'quantitative',
              // Log scale: signing bonuses and programme budgets differ by orders of magnitude.
              scale: { type: 'log', domain: [Math.max(1, minLow / 2), maxHigh * 20] },
              title: 'US dollars (log scale)',
              axis: { format: '$~s', grid: true },
            },
            x2: { field: 'high' },
            color,
          },
        },
        { mark: { type: 'tick', thickness: 1.5, size: 11 }, encoding: { x: { field: 'low', type: 'quantitative' }, color } },
        { mark: { type: 'tick', thickness: 1.5, size: 11 }, encoding: { x: { field: 'high', type: 'quantitative' }, color } },
        {
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 8.5 },
          encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'amount' }, color: { value: '#000' } },
        },
      ],
    },
    `Incentives compared in US dollars across ${values.length} incentives`,
  );
}
