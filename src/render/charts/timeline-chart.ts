// The timeline as a dot chart: one row per event, its date on a time axis. A date known to the day
// is a dot; a month or a year given without a day is a bar across that month or year, not a dot on
// its first day (issue 13, item 9); an approximate date's mark is hollow. Labels wrap, never cut.
import { scaleUtc } from 'd3-scale';
import { utcFormat } from 'd3-time-format';
import { utcDay, utcMonth, utcYear } from 'd3-time';
import type { DateValue } from '../../facts/schema.js';
import { parseDateValue } from '../../facts/date-value.js';
import { formatDate } from '../format/dates.js';
import { markdownToText } from '../format/markdown.js';
import type { Wording } from '../format/wording.js';
import { describeTimelineChart } from './chart-descriptions.js';
import { AXIS_HEIGHT, bottomAxis, CHART_WIDTH, chartSvg, GRID_COLOUR, LABEL_SIZE, line, n, text, textLines, textWidth, wrapText, type Tick } from './svg.js';

export interface TimelineChartEvent {
  date: DateValue;
  approximate: boolean;
  /** Markdown. */
  event: string;
}

const ROW_HEIGHT = 19;
const LINE_HEIGHT = 12;
const LABEL_LIMIT = 250;
/** A month or a year is drawn lighter than a day (issue 18): it says less about when. */
const SPAN_FILL = '#b0b0b0';
const LABEL_GAP = 6;
/** A mark of 48 square px, as the eye reads a dot at this size. */
const DOT_RADIUS = Math.sqrt(48 / Math.PI);
const BAR_HEIGHT = 7;
/** A month on an axis of decades is a sliver: its bar is drawn at least this wide. */
const MIN_BAR_WIDTH = 5;
const LEGEND_HEIGHT = 22;
const MAX_YEAR_TICKS = 12;

interface Row {
  start: Date;
  /** The end of the month or year a date without a day stands for; the same as `start` for a day. */
  end: Date;
  span: boolean;
  approximate: boolean;
  lines: string[];
  top: number;
  height: number;
}

/** The period a date stands for: its day, or the whole of its month or year. */
function periodOf(value: DateValue): { start: Date; end: Date; span: boolean } {
  const { year, month, day } = parseDateValue(value);
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  start.setUTCFullYear(year);
  if (day) return { start, end: start, span: false };
  return { start, end: month ? utcDay.offset(utcMonth.offset(start, 1), -1) : utcDay.offset(utcYear.offset(start, 1), -1), span: true };
}

/** The timeline as SVG, or null when there are fewer than two events to draw; `plotWidth` defaults to what CHART_WIDTH leaves beside the labels. */
export function renderTimelineChart(events: TimelineChartEvent[], wording: Wording, plotWidth?: number): string | null {
  if (events.length < 2) return null;
  const { labels, lang } = wording;
  // Each event in words once: its row's label and the chart's alternative text both say it.
  const described = events.map((e) => ({ date: formatDate(e.date, 'long', lang), event: markdownToText(e.event), approximate: e.approximate }));
  let top = 0;
  const rows: Row[] = events.map((e, i) => {
    const lines = wrapText(`${described[i]!.date}: ${described[i]!.event}`, LABEL_LIMIT, LABEL_SIZE);
    const height = Math.max(ROW_HEIGHT, lines.length * LINE_HEIGHT + 6);
    const row = { ...periodOf(e.date), approximate: e.approximate, lines, top, height };
    top += height;
    return row;
  });
  const height = top;
  const centre = (row: Row) => row.top + row.height / 2;
  let first = Math.min(...rows.map((r) => r.start.getTime()));
  let last = Math.max(...rows.map((r) => r.end.getTime()));
  // Events all on one day still get an axis: a year either side.
  if (first === last) [first, last] = [utcYear.offset(new Date(first), -1).getTime(), utcYear.offset(new Date(last), 1).getTime()];
  const labelWidth = Math.ceil(Math.max(0, ...rows.flatMap((r) => r.lines.map((l) => textWidth(l, LABEL_SIZE))))) + LABEL_GAP;
  const width = plotWidth ?? Math.max(160, CHART_WIDTH - labelWidth - 10);
  // Inset by a mark's width, so no dot at either end reaches its label or the chart's edge.
  const inset = DOT_RADIUS + 3;
  const x = scaleUtc().domain([first, last]).range([inset, width - inset]);
  // A tick a year, labelled with the year; over decades, d3's round years; within a year or two,
  // d3's own ticks, labelled with the month.
  const years = x.ticks(utcYear.every(1)!);
  const ticks: Tick[] =
    years.length < 2
      ? x.ticks(4).map((d) => ({ x: x(d), label: formatDate(utcFormat('%Y-%m')(d), 'long', lang) }))
      : (years.length <= MAX_YEAR_TICKS ? years : x.ticks(8)).map((d) => ({ x: x(d), label: formatDate(utcFormat('%Y')(d), 'long', lang) }));

  const labelSvg = rows
    .map((r) => textLines(-LABEL_GAP, centre(r) - ((r.lines.length - 1) * LINE_HEIGHT) / 2, r.lines, LINE_HEIGHT, { anchor: 'end' }))
    .join('');
  const grid = rows.map((r) => line(0, centre(r), width, centre(r), GRID_COLOUR, 1, true)).join('');
  const marks = rows.map((r) => (r.span ? bar(x(r.start), x(r.end), centre(r), r.approximate) : dot(x(r.start), centre(r), r.approximate))).join('');
  const legendItems = [
    { shown: rows.some((r) => !r.span && !r.approximate), label: labels.text('chart.dated', {}, lang), mark: (mx: number, my: number) => dot(mx + DOT_RADIUS, my, false), size: 2 * DOT_RADIUS },
    rows.some((r) => r.approximate && !r.span)
      ? { shown: true, label: labels.text('chart.approximate', {}, lang), mark: (mx: number, my: number) => dot(mx + DOT_RADIUS, my, true), size: 2 * DOT_RADIUS }
      : { shown: rows.some((r) => r.approximate), label: labels.text('chart.approximate', {}, lang), mark: (mx: number, my: number) => bar(mx, mx + 14, my, true), size: 14 },
    { shown: rows.some((r) => r.span && !r.approximate), label: labels.text('chart.span', {}, lang), mark: (mx: number, my: number) => bar(mx, mx + 14, my, false), size: 14 },
  ].filter((item) => item.shown);
  // A key is needed only where the marks differ.
  const withLegend = legendItems.length > 1;
  const legend = withLegend ? drawLegend(legendItems, height + AXIS_HEIGHT + LEGEND_HEIGHT / 2) : '';
  const fullHeight = height + AXIS_HEIGHT + (withLegend ? LEGEND_HEIGHT : 0);
  return chartSvg(describeTimelineChart(described, wording), labelWidth, width, fullHeight, grid + bottomAxis(ticks, width, height) + labelSvg + marks + legend);
}

/** True where some event's date is a month or a year without a day: the chart draws it lighter, and its caption says so. */
export function hasUndatedDays(events: readonly TimelineChartEvent[]): boolean {
  return events.some((e) => periodOf(e.date).span);
}

/** A date known to the day: filled, or hollow when it is approximate. */
const dot = (cx: number, cy: number, hollow: boolean) =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(DOT_RADIUS)}" fill="${hollow ? '#fff' : '#000'}" stroke="#000" stroke-width="1.5"/>`;

/** A month or a year: a light grey bar across it, or hollow when it is approximate. */
function bar(from: number, to: number, cy: number, hollow: boolean): string {
  const widen = Math.max(0, MIN_BAR_WIDTH - (to - from)) / 2;
  const [x1, x2] = [from - widen, to + widen];
  return `<rect x="${n(x1)}" y="${n(cy - BAR_HEIGHT / 2)}" width="${n(x2 - x1)}" height="${BAR_HEIGHT}" fill="${hollow ? '#fff' : SPAN_FILL}" stroke="${hollow ? '#000' : SPAN_FILL}" stroke-width="1"/>`;
}

/** The key under the axis: each kind of mark the chart draws, with what it means. */
function drawLegend(items: { label: string; mark: (x: number, y: number) => string; size: number }[], y: number): string {
  let x = 0;
  return items
    .map((item) => {
      const drawn = item.mark(x, y) + text(x + item.size + 5, y, item.label);
      x += item.size + 5 + textWidth(item.label, LABEL_SIZE) + 16;
      return drawn;
    })
    .join('');
}
