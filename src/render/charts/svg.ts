// What both charts are made of: one look (black and grey on white, the document's sans face, small
// print sizes), text measured with the font's own widths, and the SVG elements they draw with.
// Scales, ticks and number and date formats come from d3; this file only writes the marks.
import { fontStack } from '../../fonts/font-slices.js';
import { escapeHtml } from '../format/html.js';
import { BOLD, RANGES, REGULAR } from './text-widths.js';

/** The fonts the charts are set in: the document's sans face, then every other bundled family (issue 11). */
const CHART_FONT = fontStack('Noto Sans');
// 10 px is 7.5 pt: a chart is drawn as wide as the brief's column (CHART_WIDTH), so it is printed at
// about its own size and its text stays at least 7 pt (issue 18, item 3: it was scaled to 5.7 pt).
export const LABEL_SIZE = 10;
/** The width a chart is drawn at, labels included: a brief's column on A4, in CSS px. */
export const CHART_WIDTH = 640;
export const GRID_COLOUR = '#d0d0d0';
/** Grid lines behind a plot: light and solid, only at labelled ticks, so they do not crowd the marks. */
const AXIS_GRID_COLOUR = '#e3e3e3';
/** Space around the drawing, so that strokes and flush labels at its edges are not cut. */
const PADDING = 5;
/** An axis line's ticks, and the gap between a tick and its label. */
const TICK_SIZE = 5;
const TICK_LABEL_GAP = 2;

/** The advance width of one character in thousandths of an em. */
function advance(codePoint: number, bold: boolean): number {
  let index = 0;
  for (const [from, to] of RANGES) {
    if (codePoint >= from && codePoint <= to) return (bold ? BOLD : REGULAR)[index + codePoint - from]!;
    index += to - from + 1;
  }
  // Chinese, Japanese and Korean characters are a full em wide; anything else unmeasured, most.
  return (codePoint >= 0x2e80 && codePoint <= 0x9fff) || (codePoint >= 0xf900 && codePoint <= 0xffef) ? 1000 : 700;
}

/** The width of `text` set at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let width = 0;
  for (const char of text) width += advance(char.codePointAt(0)!, bold);
  return (width * size) / 1000;
}

/**
 * `text` broken into lines at most `limit` px wide: at spaces, and inside a word (or a run of Chinese,
 * Japanese or Korean characters, which has no spaces) only where the word alone is wider.
 */
export function wrapText(text: string, limit: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (piece: string) => {
    const candidate = line ? `${line} ${piece}` : piece;
    if (!line || textWidth(candidate, size, bold) <= limit) line = candidate;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (textWidth(word, size, bold) <= limit) {
      push(word);
      continue;
    }
    // Too wide for a line of its own: cut where the line is full, character by character.
    let piece = '';
    for (const char of word) {
      if (piece && textWidth(line ? `${line} ${piece}${char}` : `${piece}${char}`, size, bold) > limit) {
        if (line) {
          lines.push(line);
          line = '';
          if (textWidth(`${piece}${char}`, size, bold) <= limit) {
            piece += char;
            continue;
          }
        }
        lines.push(piece);
        piece = '';
      }
      piece += char;
    }
    if (piece) push(piece);
  }
  if (line) lines.push(line);
  return lines;
}

/** A coordinate as written into the SVG: at most two decimals. */
export const n = (value: number): string => String(Math.round(value * 100) / 100);

export interface TextStyle {
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  bold?: boolean;
  fill?: string;
}

/** Text whose vertical middle is at `y`. */
export function text(x: number, y: number, content: string, style: TextStyle = {}): string {
  const size = style.size ?? LABEL_SIZE;
  const attributes = [
    `x="${n(x)}"`,
    `y="${n(y + size * 0.35)}"`,
    `text-anchor="${style.anchor ?? 'start'}"`,
    `font-family="${escapeHtml(CHART_FONT)}"`,
    `font-size="${size}"`,
    ...(style.bold ? ['font-weight="bold"'] : []),
    `fill="${style.fill ?? '#000'}"`,
  ];
  return `<text ${attributes.join(' ')}>${escapeHtml(content)}</text>`;
}

/** Lines of text, the first with its vertical middle at `y`, each `lineHeight` below the last. */
export function textLines(x: number, y: number, lines: readonly string[], lineHeight: number, style: TextStyle = {}): string {
  if (lines.length === 1) return text(x, y, lines[0]!, style);
  const first = text(x, y, '', style);
  const spans = lines.map((content, i) => `<tspan x="${n(x)}" dy="${i === 0 ? 0 : n(lineHeight)}">${escapeHtml(content)}</tspan>`).join('');
  return first.replace('></text>', `>${spans}</text>`);
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, dashed = false): string {
  const dash = dashed ? ' stroke-dasharray="2,2"' : '';
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${width}"${dash}/>`;
}

export interface Tick {
  x: number;
  /** Empty for a tick drawn without a label. */
  label: string;
}

/**
 * The axis along the bottom of a plot `width` by `height`: a tick at every tick, a light grid line
 * at each labelled one, labels centred under theirs (flush with the plot at its two ends), and labels that would
 * overlap the one before them left out.
 */
export function bottomAxis(ticks: readonly Tick[], width: number, height: number): string {
  const parts = [line(0, height, width, height, '#000')];
  let lastEnd = -Infinity;
  for (const tick of ticks) {
    parts.push(line(tick.x, height, tick.x, height + TICK_SIZE, '#000'));
    if (!tick.label) continue;
    parts.push(line(tick.x, 0, tick.x, height, AXIS_GRID_COLOUR, 0.75));
    const labelWidth = textWidth(tick.label, LABEL_SIZE);
    // Centred under its tick, but never past either end of the plot.
    const start = Math.min(Math.max(tick.x - labelWidth / 2, 0), width - labelWidth);
    if (start < lastEnd + 2) continue;
    lastEnd = start + labelWidth;
    parts.push(text(start, height + AXIS_LABEL_MIDDLE, tick.label, { anchor: 'start' }));
  }
  return parts.join('');
}

/** How far below the plot the middle of the bottom axis's labels is. */
const AXIS_LABEL_MIDDLE = TICK_SIZE + TICK_LABEL_GAP + LABEL_SIZE / 2;
/** How far below the plot the bottom axis ends. */
export const AXIS_HEIGHT = TICK_SIZE + TICK_LABEL_GAP + LABEL_SIZE + 2;

/**
 * The chart as one <svg>: the plot's origin `left` px from its left edge, everything inside
 * `PADDING`. It is one image to assistive technology (and in the tagged PDF), named by `label`.
 */
export function chartSvg(label: string, left: number, plotWidth: number, height: number, content: string): string {
  const width = Math.ceil(left + plotWidth + 2 * PADDING);
  const fullHeight = Math.ceil(height + 2 * PADDING);
  return (
    `<svg role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg" version="1.1" ` +
    `width="${width}" height="${fullHeight}" viewBox="0 0 ${width} ${fullHeight}">` +
    `<g transform="translate(${n(left + PADDING)},${PADDING})">${content}</g></svg>`
  );
}
