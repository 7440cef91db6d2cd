// Incentives compared across programmes, on a linear axis where the amounts allow, in one currency (issue 13, item 4: the
// comparison currency where conversions exist, else the one currency all amounts share), each range
// labelled with its amount as the tables write it, compact; the document's own programme in black,
// the others in grey, so it reads in black and white. Labels wrap, never cut.
import { scaleLinear, scaleLog } from 'd3-scale';
import type { AmountView } from '../../documents/view-types.js';
import { formatCurrency, formatMoney } from '../format/money.js';
import type { Wording } from '../format/wording.js';
import { describeIncentivesChart } from './chart-descriptions.js';
import { AXIS_HEIGHT, bottomAxis, CHART_WIDTH, chartSvg, LABEL_SIZE, line, text, textLines, textWidth, wrapText } from './svg.js';

export interface IncentiveChartRow {
  programme: string;
  description: string;
  current: boolean;
  /** The amount in the chart's currency. */
  amount: AmountView;
}

const ROW_HEIGHT = 20;
const LINE_HEIGHT = 12;
const LABEL_LIMIT = 220;
const LABEL_GAP = 4;
const AMOUNT_SIZE = 10;
const TITLE_HEIGHT = 15;
const COLOURS = { this: '#000', other: '#8a8a8a' } as const;
/** Past this ratio of the largest amount to the smallest, a linear axis squeezes the small ones to nothing. */
export const LOG_RATIO = 20;

/** The chart drawn, and whether its axis is logarithmic (its caption then says why). */
export interface IncentivesChart {
  svg: string;
  log: boolean;
}

interface Bar {
  name: string;
  lines: string[];
  top: number;
  height: number;
  low: number;
  high: number;
  amount: string;
  bold: boolean;
  colour: string;
}

/** The rows with an amount in `currency`, each with its place and its label lines. */
function barsOf(rows: IncentiveChartRow[], currency: string, wording: Wording): Bar[] {
  let top = 0;
  return rows.flatMap((row) => {
    const { amount } = row;
    const low = amount.amount ?? amount.min ?? amount.max;
    const high = amount.amount ?? amount.max ?? amount.min;
    if (amount.currency !== currency || low === null || high === null || low <= 0) return [];
    const name = `${row.programme}: ${row.description}`;
    const lines = wrapText(name, LABEL_LIMIT, LABEL_SIZE, row.current);
    const height = Math.max(ROW_HEIGHT, lines.length * LINE_HEIGHT + 8);
    const bar = { name, lines, top, height, low, high, amount: formatMoney(amount, wording, 'compact'), bold: row.current, colour: row.current ? COLOURS.this : COLOURS.other };
    top += height;
    return [bar];
  });
}

/**
 * The comparison as SVG, in `currency`; null when fewer than two incentives have an amount in it.
 * The axis is linear where the amounts allow (largest under LOG_RATIO times the smallest), else
 * logarithmic (issue 18, item 3).
 */
export function renderIncentivesChart(rows: IncentiveChartRow[], currency: string, wording: Wording, plotWidth?: number): IncentivesChart | null {
  const { labels, lang } = wording;
  const values = barsOf(rows, currency, wording);
  if (values.length < 2) return null;
  const height = values.reduce((sum, v) => sum + v.height, 0);
  const centre = (v: Bar) => v.top + v.height / 2;
  const minLow = Math.min(...values.map((v) => v.low));
  const maxHigh = Math.max(...values.map((v) => v.high));
  const log = maxHigh / minLow >= LOG_RATIO;
  const labelWidth = Math.ceil(Math.max(0, ...values.flatMap((v) => v.lines.map((l) => textWidth(l, LABEL_SIZE, v.bold))))) + LABEL_GAP;
  const width = plotWidth ?? Math.max(160, CHART_WIDTH - labelWidth - 10);
  // Room on the right for the longest amount written after its bar.
  const amountRoom = Math.max(...values.map((v) => textWidth(v.amount, AMOUNT_SIZE))) + 8;
  const x = log
    ? scaleLog().domain([Math.max(1, minLow / 2), maxHigh * 20]).range([0, width]).nice()
    : scaleLinear().domain([0, maxHigh]).range([0, width - amountRoom]).nice();
  // Labels only where d3 would print them, at about one per 60 px, each written as the amounts are.
  const tickCount = Math.round(width / 60);
  const labelled = x.tickFormat(tickCount);
  const ticks = x.ticks(tickCount).map((d) => ({ x: x(d), label: labelled(d) ? formatCurrency([d], currency, lang, 'compact') : '' }));
  const rowLabels = values
    .map((v) => textLines(-LABEL_GAP, centre(v) - ((v.lines.length - 1) * LINE_HEIGHT) / 2, v.lines, LINE_HEIGHT, { anchor: 'end', bold: v.bold }))
    .join('');
  const marks = values
    .map((v) => {
      const [y, from, to] = [centre(v), x(v.low), x(v.high)];
      return (
        line(from, y, to, y, v.colour, 5) +
        line(from, y - 5.5, from, y + 5.5, v.colour, 1.5) +
        line(to, y - 5.5, to, y + 5.5, v.colour, 1.5) +
        text(to + 6, y, v.amount, { size: AMOUNT_SIZE })
      );
    })
    .join('');
  const axisLabel = labels.text(log ? 'chart.incentives-axis' : 'chart.incentives-axis-linear', { currency }, lang);
  const title = text(width / 2, height + AXIS_HEIGHT + TITLE_HEIGHT / 2, axisLabel, { anchor: 'middle' });
  const described = values.map((v) => ({ name: v.name, amount: v.amount, current: v.bold }));
  const svg = chartSvg(describeIncentivesChart(described, currency, wording, log), labelWidth, width, height + AXIS_HEIGHT + TITLE_HEIGHT, bottomAxis(ticks, width, height) + rowLabels + marks + title);
  return { svg, log };
}
