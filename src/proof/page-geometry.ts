// What the proof's page reader makes of a page (page-text.ts): runs of text and cut marks with
// their boxes, and the matrix arithmetic of ISO 32000-1, 8.3.4.
import type { PdfValue } from '../pdf/index.js';

/** A glyph run on a page, in points from the page's top left corner. */
export interface TextRun {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Its size on the page, in points. */
  size: number;
  text: string;
  /** The marked-content id it is tagged with; undefined for an artifact or untagged text. */
  mcid: number | undefined;
  /** Whether the clip in force cuts part of it away. */
  clipped: boolean;
}

/** A tagged mark other than text (a list's bullet) that the clip in force cuts, in points from the top left. */
export interface CutMark {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  mcid: number;
}

/** What a page's content says: its runs, tagged marks cut by a clip, and the scale its content is drawn at (points per CSS px). */
export interface PageText {
  runs: TextRun[];
  cutMarks: CutMark[];
  scale: number | undefined;
}

export type Matrix = [number, number, number, number, number, number];
export type Box = [x0: number, y0: number, x1: number, y1: number];
export const NO_CLIP: Box = [-Infinity, -Infinity, Infinity, Infinity];

/** m × n: m applied first. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

export function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

export function intersect(a: Box, b: Box): Box {
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/** The MCID of a BDC's inline property list (14.6.2), if it has one. */
export function readMcid(values: PdfValue[]): number | undefined {
  const properties = values[1];
  const mcid = properties instanceof Map ? properties.get('MCID') : undefined;
  return typeof mcid === 'number' ? mcid : undefined;
}

/** The box grown, in place where there is one, to hold the first `count` numbers of `points` (x, y pairs in user space), each taken through the matrix. */
export function growBox(box: Box | undefined, points: ArrayLike<number>, count: number, m: Matrix): Box | undefined {
  let grown = box;
  for (let i = 0; i + 1 < count; i += 2) {
    const x = points[i]! * m[0] + points[i + 1]! * m[2] + m[4];
    const y = points[i]! * m[1] + points[i + 1]! * m[3] + m[5];
    if (!grown) grown = [x, y, x, y];
    else {
      grown[0] = Math.min(grown[0], x);
      grown[1] = Math.min(grown[1], y);
      grown[2] = Math.max(grown[2], x);
      grown[3] = Math.max(grown[3], y);
    }
  }
  return grown;
}

/** A rectangle's corners (x y width height, as `re` gives them), x, y pairs: one array for every rectangle. */
const corners = new Float64Array(4);

/** The box grown, in place where there is one, to hold a rectangle (`re`). */
export function growRectangle(box: Box | undefined, x: number, y: number, width: number, height: number, m: Matrix): Box | undefined {
  corners[0] = x;
  corners[1] = y;
  corners[2] = x + width;
  corners[3] = y + height;
  return growBox(box, corners, 4, m);
}
