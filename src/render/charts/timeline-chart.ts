// The timeline as a dot chart: one row per event, its date on a time axis; hollow marks approximate dates.
import { scaleUtc } from 'd3-scale';
import { utcFormat } from 'd3-time-format';
import { utcYear } from 'd3-time';
import type { DateValue } from '../../facts/schema.js';
import { toIsoDate } from '../../facts/date-value.js';
import { formatDate } from '../format/dates.js';
import { markdownToText } from '../format/markdown.js';
import { describeTimelineChart } from './chart-descriptions.js';
import { AXIS_HEIGHT, bottomAxis, chartSvg, GRID_COLOUR, LABEL_SIZE, line, n, rowLabels, shorten, text, textWidth, type Tick } from './svg.js';

export interface TimelineChartEvent {
  date: DateValue;
  approximate: boolean;
  /** Markdown. */
  event: string;
}

const ROW_HEIGHT = 17;
const LABEL_LIMIT = 300;
const LABEL_GAP = 6;
/** A mark of 48 square px, as the eye reads a dot at this size. */
const DOT_RADIUS = Math.sqrt(48 / Math.PI);
const LEGEND_HEIGHT = 22;
const MAX_YEAR_TICKS = 12;

/** The timeline as SVG, or null when there are fewer than two events to draw. */
export function renderTimelineChart(events: TimelineChartEvent[], width = 460): string | null {
  if (events.length < 2) return null;
  const rows = events.map((e) => ({
    date: new Date(`${toIsoDate(e.date)}T00:00:00Z`),
    label: `${formatDate(e.date, 'short')}: ${shorten(markdownToText(e.event), 58)}`,
    approximate: e.approximate,
  }));
  const height = ROW_HEIGHT * rows.length;
  const rowCentre = (i: number) => (i + 0.5) * ROW_HEIGHT;
  const times = rows.map((r) => r.date.getTime());
  let [first, last] = [Math.min(...times), Math.max(...times)];
  // Events all on one day still get an axis: a year either side.
  if (first === last) [first, last] = [utcYear.offset(new Date(first), -1).getTime(), utcYear.offset(new Date(last), 1).getTime()];
  const x = scaleUtc().domain([first, last]).range([0, width]);
  // A tick a year, labelled with the year; over decades, d3's round years; within a year or two,
  // d3's own ticks, labelled with the month.
  const years = x.ticks(utcYear.every(1)!);
  const ticks: Tick[] =
    years.length < 2
      ? x.ticks(4).map((d) => ({ x: x(d), label: utcFormat('%b %Y')(d) }))
      : (years.length <= MAX_YEAR_TICKS ? years : x.ticks(8)).map((d) => ({ x: x(d), label: utcFormat('%Y')(d) }));

  const labels = rowLabels(rows, rowCentre, LABEL_LIMIT, LABEL_GAP);
  const grid = rows.map((_, i) => line(0, rowCentre(i), width, rowCentre(i), GRID_COLOUR, 1, true)).join('');
  const dots = rows.map((r, i) => dot(x(r.date), rowCentre(i), r.approximate)).join('');
  const hasApproximate = rows.some((r) => r.approximate);
  const legend = hasApproximate ? drawLegend(height + AXIS_HEIGHT + LEGEND_HEIGHT / 2) : '';
  const fullHeight = height + AXIS_HEIGHT + (hasApproximate ? LEGEND_HEIGHT : 0);
  const description = describeTimelineChart(events.map((e) => ({ date: formatDate(e.date), event: markdownToText(e.event), approximate: e.approximate })));
  return chartSvg(description, labels.width, width, fullHeight, grid + bottomAxis(ticks, width, height) + labels.svg + dots + legend);
}

/** An event's mark: filled when its date is known, hollow when it is approximate. */
const dot = (cx: number, cy: number, hollow: boolean) =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(DOT_RADIUS)}" fill="${hollow ? '#fff' : '#000'}" stroke="#000" stroke-width="1.5"/>`;

/** The key under the axis: a filled dot for a dated event, a hollow one for an approximate date. */
function drawLegend(y: number): string {
  const items = [
    { label: 'Dated', hollow: false },
    { label: 'Approximate date', hollow: true },
  ];
  let x = 0;
  return items
    .map((item) => {
      const drawn = dot(x + DOT_RADIUS, y, item.hollow) + text(x + 2 * DOT_RADIUS + 5, y, item.label);
      x += 2 * DOT_RADIUS + 5 + textWidth(item.label, LABEL_SIZE) + 16;
      return drawn;
    })
    .join('');
}
