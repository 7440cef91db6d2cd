// Incentives compared across programmes on a log scale, in one currency (issue 13, item 4: the
// comparison currency where conversions exist, else the one currency all amounts share), each range
// labelled with its amount as the tables write it, compact; the document's own programme in black,
// the others in grey, so it reads in black and white. Labels wrap, never cut.
import { scaleLog } from 'd3-scale';
import type { AmountView } from '../../documents/view-types.js';
import { formatCurrency, formatMoney } from '../format/money.js';
import type { Wording } from '../format/wording.js';
import { describeIncentivesChart } from './chart-descriptions.js';
import { AXIS_HEIGHT, bottomAxis, chartSvg, LABEL_SIZE, line, text, textLines, textWidth, wrapText } from './svg.js';

export interface IncentiveChartRow {
  programme: string;
  description: string;
  current: boolean;
  /** The amount in the chart's currency. */
  amount: AmountView;
}

const ROW_HEIGHT = 18;
const LINE_HEIGHT = 11;
const LABEL_LIMIT = 260;
const LABEL_GAP = 4;
const AMOUNT_SIZE = 8.5;
const TITLE_HEIGHT = 14;
const COLOURS = { this: '#000', other: '#8a8a8a' } as const;

/** The comparison as SVG, in `currency`; null when fewer than two incentives have an amount in it. */
export function renderIncentivesChart(rows: IncentiveChartRow[], currency: string, wording: Wording, width = 330): string | null {
  const { labels, lang } = wording;
  let top = 0;
  const values = rows.flatMap((row) => {
    const { amount } = row;
    const low = amount.amount ?? amount.min ?? amount.max;
    const high = amount.amount ?? amount.max ?? amount.min;
    if (amount.currency !== currency || low === null || high === null || low <= 0) return [];
    const lines = wrapText(`${row.programme}: ${row.description}`, LABEL_LIMIT, LABEL_SIZE, row.current);
    const height = Math.max(ROW_HEIGHT, lines.length * LINE_HEIGHT + 7);
    const name = `${row.programme}: ${row.description}`;
    const value = { name, lines, top, height, low, high, amount: formatMoney(amount, wording, 'compact'), bold: row.current, colour: row.current ? COLOURS.this : COLOURS.other };
    top += height;
    return [value];
  });
  if (values.length < 2) return null;
  const height = top;
  const centre = (v: (typeof values)[number]) => v.top + v.height / 2;
  // Log scale: signing bonuses and programme budgets differ by orders of magnitude. Room on the
  // right for the last range's amount, and the ends rounded out to powers of ten.
  const minLow = Math.min(...values.map((v) => v.low));
  const maxHigh = Math.max(...values.map((v) => v.high));
  const x = scaleLog().domain([Math.max(1, minLow / 2), maxHigh * 20]).range([0, width]).nice();
  // A grid line at every tick; labels only where d3 would print them, at about one per 40 px, each
  // written as the amounts are.
  const tickCount = Math.round(width / 40);
  const labelled = x.tickFormat(tickCount);
  const ticks = x.ticks(tickCount).map((d) => ({ x: x(d), label: labelled(d) ? formatCurrency([d], currency, lang, 'compact') : '' }));

  const labelWidth = Math.ceil(Math.max(0, ...values.flatMap((v) => v.lines.map((l) => textWidth(l, LABEL_SIZE, v.bold))))) + LABEL_GAP;
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
  const title = text(width / 2, height + AXIS_HEIGHT + TITLE_HEIGHT / 2, labels.text('chart.incentives-axis', { currency }, lang), { anchor: 'middle' });
  return chartSvg(
    describeIncentivesChart(values.map((v) => ({ name: v.name, amount: v.amount, current: v.bold })), currency, wording),
    labelWidth,
    width,
    height + AXIS_HEIGHT + TITLE_HEIGHT,
    bottomAxis(ticks, width, height) + rowLabels + marks + title,
  );
}
