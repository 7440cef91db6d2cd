// The timeline as a dot chart: one row per event, its date on a time axis; hollow marks approximate dates.
import type { DateValue } from '../../facts/schema.js';
import { formatDate, toIsoDate } from '../format/dates.js';
import { markdownToText } from '../format/markdown.js';
import { CHART_CONFIG, shorten } from './chart-config.js';
import { renderVegaLiteSvg } from './vega.js';

export interface TimelineChartEvent {
  date: DateValue;
  approximate: boolean;
  /** Markdown. */
  event: string;
}

/** The timeline as SVG, or null when there are fewer than two events to draw. */
export async function renderTimelineChart(events: TimelineChartEvent[], width = 460): Promise<string | null> {
  if (events.length < 2) return null;
  const values = events.map((e, i) => ({
    order: i,
    date: toIsoDate(e.date),
    row: `${formatDate(e.date, 'short')}: ${shorten(markdownToText(e.event), 58)}`,
    precision: e.approximate ? 'Approximate date' : 'Dated',
  }));
  const rowHeight = 17;
  return renderVegaLiteSvg(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      config: CHART_CONFIG,
      width,
      height: rowHeight * values.length,
      data: { values },
      encoding: {
        y: {
          field: 'row',
          type: 'ordinal',
          sort: { field: 'order' },
          title: null,
          axis: { labelLimit: 300, labelPadding: 6, ticks: false, domain: false, grid: true },
        },
        x: { field: 'date', type: 'temporal', title: null, axis: { format: '%Y', tickCount: 'year', labelFlush: true, grid: true } },
      },
      layer: [
        {
          mark: { type: 'point', size: 48, strokeWidth: 1.5, color: '#000' },
          encoding: {
            shape: { value: 'circle' },
            fill: {
              field: 'precision',
              type: 'nominal',
              scale: { domain: ['Dated', 'Approximate date'], range: ['#000', '#fff'] },
              legend: values.some((v) => v.precision === 'Approximate date')
                ? { title: null, orient: 'bottom', symbolStrokeColor: '#000', symbolType: 'circle' }
                : null,
            },
          },
        },
      ],
    },
    `Timeline of ${events.length} events`,
  );
}
