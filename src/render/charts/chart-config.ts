// One look for every chart: black and grey on white, the document's sans face, small print sizes.
import type { Config } from 'vega-lite';
import { CHART_FONT } from './vega.js';

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'transparent',
  view: { stroke: null },
  axis: {
    labelFont: CHART_FONT,
    titleFont: CHART_FONT,
    labelFontSize: 9,
    titleFontSize: 9,
    titleFontWeight: 'normal',
    labelColor: '#000',
    titleColor: '#000',
    domainColor: '#000',
    tickColor: '#000',
    gridColor: '#d0d0d0',
    gridDash: [2, 2],
  },
  legend: { labelFont: CHART_FONT, titleFont: CHART_FONT, labelFontSize: 9, titleFontSize: 9 },
  text: { font: CHART_FONT, fontSize: 9 },
};

/** Cuts plain text to `max` characters at a word, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}…`;
}
