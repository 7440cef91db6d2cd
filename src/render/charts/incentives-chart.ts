// Incentives compared across programmes in US dollars on a log scale, each range labelled with its
// amount; the document's own programme in black, the others in grey, so it reads in black and white.
import { scaleLog } from 'd3-scale';
import type { Incentive } from '../../facts/schema.js';
import { moneyParts } from '../format/money.js';
import { describeIncentivesChart } from './chart-descriptions.js';
import { AXIS_HEIGHT, bottomAxis, chartSvg, line, rowLabels, shorten, text } from './svg.js';

export interface IncentiveChartRow {
  programme: string;
  label: string;
  current: boolean;
  incentive: Incentive;
}

const compact = (n: number) =>
  n >= 1e9 ? `$${+(n / 1e9).toFixed(1)}bn` : n >= 1e6 ? `$${+(n / 1e6).toFixed(1)}m` : n >= 1e3 ? `$${Math.round(n / 1e3)}k` : `$${n}`;

const ROW_HEIGHT = 18;
const LABEL_LIMIT = 260;
const LABEL_GAP = 4;
const AMOUNT_SIZE = 8.5;
const TITLE_HEIGHT = 14;
const COLOURS = { this: '#000', other: '#8a8a8a' } as const;

/** The comparison as SVG, or null when fewer than two incentives have a dollar amount. */
export function renderIncentivesChart(rows: IncentiveChartRow[], width = 330): string | null {
  const values = rows.flatMap((row) => {
    const parts = moneyParts(row.incentive);
    const low = parts.usdMin ?? parts.usdMax;
    const high = parts.usdMax ?? parts.usdMin;
    if (low === undefined || high === undefined || low <= 0) return [];
    return [{
      label: `${shorten(row.programme, 22)}: ${shorten(row.label, 34)}`,
      name: `${row.programme}: ${row.label}`,
      low,
      high,
      amount: low === high ? compact(low) : `${compact(low)}-${compact(high)}`,
      bold: row.current,
      colour: row.current ? COLOURS.this : COLOURS.other,
    }];
  });
  if (values.length < 2) return null;
  const height = ROW_HEIGHT * values.length;
  const rowCentre = (i: number) => (i + 0.5) * ROW_HEIGHT;
  // Log scale: signing bonuses and programme budgets differ by orders of magnitude. Room on the
  // right for the last range's amount, and the ends rounded out to powers of ten.
  const minLow = Math.min(...values.map((v) => v.low));
  const maxHigh = Math.max(...values.map((v) => v.high));
  const x = scaleLog().domain([Math.max(1, minLow / 2), maxHigh * 20]).range([0, width]).nice();
  // A grid line at every tick; labels only where d3 would print them, at about one per 40 px.
  const tickCount = Math.round(width / 40);
  const label = x.tickFormat(tickCount, '$~s');
  const ticks = x.ticks(tickCount).map((d) => ({ x: x(d), label: label(d) }));

  const labels = rowLabels(values, rowCentre, LABEL_LIMIT, LABEL_GAP);
  const marks = values
    .map((v, i) => {
      const [y, from, to] = [rowCentre(i), x(v.low), x(v.high)];
      return (
        line(from, y, to, y, v.colour, 5) +
        line(from, y - 5.5, from, y + 5.5, v.colour, 1.5) +
        line(to, y - 5.5, to, y + 5.5, v.colour, 1.5) +
        text(to + 6, y, v.amount, { size: AMOUNT_SIZE })
      );
    })
    .join('');
  const title = text(width / 2, height + AXIS_HEIGHT + TITLE_HEIGHT / 2, 'US dollars (log scale)', { anchor: 'middle' });
  return chartSvg(
    describeIncentivesChart(values.map((v) => ({ name: v.name, amount: v.amount, current: v.bold }))),
    labels.width,
    width,
    height + AXIS_HEIGHT + TITLE_HEIGHT,
    bottomAxis(ticks, width, height) + labels.svg + marks + title,
  );
}
