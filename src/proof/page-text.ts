// A page's text as the proof reads it (ISO 32000-1, 9.4): each text-showing operator becomes a
// run with its box on the page, its size, its text, the marked content it is in (its MCID, or
// an artifact) and whether the clip in force cuts it. Operators are read by the content lexer;
// only the few that place text, change the matrix or clip are interpreted.
import { bytesAsText, ContentLexer, isArray, isNumber, isString, PdfLexer, PdfString, readValue, Token, type PdfValue } from '../pdf/index.js';
import { hexBytes, type ProofFont } from './page-fonts.js';

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

/** What a page's content says: its runs and the scale its content is drawn at (points per CSS px). */
export interface PageText {
  runs: TextRun[];
  scale: number | undefined;
}

type Matrix = [number, number, number, number, number, number];
type Box = [x0: number, y0: number, x1: number, y1: number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const NO_CLIP: Box = [-Infinity, -Infinity, Infinity, Infinity];

/** m × n: m applied first. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface State {
  ctm: Matrix;
  clip: Box;
}

/** Reads a decoded content stream of a page `height` points high. */
export function readPageText(content: Uint8Array, fonts: Map<string, ProofFont>, height: number): PageText {
  const text = bytesAsText(content);
  const lexer = new ContentLexer(content);
  const runs: TextRun[] = [];
  let state: State = { ctm: IDENTITY, clip: NO_CLIP };
  const saved: State[] = [];
  const marks: Array<number | undefined> = [];
  let path: Box | undefined;
  let clipPending = false;
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let font: ProofFont | undefined;
  let size = 0;
  let leading = 0;
  let scale: number | undefined;
  let mcid: number | undefined;
  const operands = (): PdfValue[] => readOperands(text, lexer.start, lexer.at);
  const show = (strings: PdfValue[]) => {
    const shown = showText(strings, font, size, tm, state, height);
    if (!shown) return;
    scale ??= Math.hypot(state.ctm[0], state.ctm[1]);
    tm = shown.tm;
    const last = runs.at(-1);
    // Chromium shows one glyph at a time: glyphs that follow on, on one baseline, make one run.
    if (last && last.mcid === mcid && continues(last, shown.run)) {
      last.x1 = Math.max(last.x1, shown.run.x1);
      last.top = Math.min(last.top, shown.run.top);
      last.bottom = Math.max(last.bottom, shown.run.bottom);
      last.text += shown.run.text;
      last.clipped ||= shown.clipped;
    } else runs.push({ ...shown.run, mcid, clipped: shown.clipped });
  };
  while (lexer.next()) {
    const name = lexer.name;
    switch (name) {
      case 'q':
        saved.push(state);
        break;
      case 'Q':
        state = saved.pop() ?? state;
        break;
      case 'cm': {
        const m = quickNumbers(text, lexer.start, lexer.at);
        if (m.length === 6) state = { ...state, ctm: multiply(m as Matrix, state.ctm) };
        break;
      }
      case 're': {
        const [x, y, w, h] = quickNumbers(text, lexer.start, lexer.at);
        if (h === undefined) break;
        const corners = [apply(state.ctm, x!, y!), apply(state.ctm, x! + w!, y! + h)];
        const box: Box = [Math.min(corners[0]![0], corners[1]![0]), Math.min(corners[0]![1], corners[1]![1]), Math.max(corners[0]![0], corners[1]![0]), Math.max(corners[0]![1], corners[1]![1])];
        path = path ? [Math.min(path[0], box[0]), Math.min(path[1], box[1]), Math.max(path[2], box[2]), Math.max(path[3], box[3])] : box;
        break;
      }
      case 'W':
      case 'W*':
        clipPending = true;
        break;
      case 'n':
      case 'f':
      case 'f*':
      case 'S':
      case 'B':
      case 'b':
        if (clipPending && path) state = { ...state, clip: intersect(state.clip, path) };
        clipPending = false;
        path = undefined;
        break;
      case 'BDC':
      case 'BMC':
        marks.push(name === 'BDC' ? readMcid(operands()) : undefined);
        mcid = marks.findLast((m) => m !== undefined);
        break;
      case 'EMC':
        marks.pop();
        mcid = marks.findLast((m) => m !== undefined);
        break;
      case 'BT':
        tm = tlm = IDENTITY;
        break;
      case 'Tf': {
        const [resource, fontSize] = operands();
        font = resource && typeof resource === 'object' && 'name' in resource ? fonts.get(resource.name) : undefined;
        size = typeof fontSize === 'number' ? fontSize : size;
        break;
      }
      case 'TL':
        leading = numbers(operands())[0] ?? leading;
        break;
      case 'Tm': {
        const m = quickNumbers(text, lexer.start, lexer.at);
        if (m.length === 6) tm = tlm = m as Matrix;
        break;
      }
      case 'Td':
      case 'TD': {
        const [tx = 0, ty = 0] = quickNumbers(text, lexer.start, lexer.at);
        if (name === 'TD') leading = -ty;
        tm = tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
        break;
      }
      case 'T*':
        tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
        break;
      case 'Tj':
      case "'":
      case '"':
        if (name !== 'Tj') tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
        show(name === 'Tj' ? [quickString(text, lexer.start, lexer.at)] : operands().slice(-1));
        break;
      case 'TJ':
        show(operands().flatMap((value) => (isArray(value) ? value : [])));
        break;
    }
  }
  return { runs, scale };
}

/** The run a string (or a TJ array of strings and adjustments) makes, and the text matrix after it. */
function showText(strings: PdfValue[], font: ProofFont | undefined, size: number, tm: Matrix, state: State, height: number) {
  if (!font) return undefined;
  let advance = 0;
  let shown = '';
  for (const item of strings) {
    if (isNumber(item)) advance -= (item / 1000) * size;
    if (!isString(item)) continue;
    for (const code of codesOf(item.raw, font.codeBytes)) {
      advance += ((font.widths.get(code) ?? font.defaultWidth) / 1000) * size;
      shown += font.text.get(code) ?? '';
    }
  }
  if (shown === '') return undefined;
  // The run's box: its baseline from the origin to the advance, 0.8 of the size above, 0.2 below.
  const c = state.ctm;
  const [a, b, cc, d, e, f] = [tm[0] * c[0] + tm[1] * c[2], tm[0] * c[1] + tm[1] * c[3], tm[2] * c[0] + tm[3] * c[2], tm[2] * c[1] + tm[3] * c[3], tm[4] * c[0] + tm[5] * c[2] + c[4], tm[4] * c[1] + tm[5] * c[3] + c[5]];
  const xs = [e, a * advance + e, cc * size * 0.8 + e, -cc * size * 0.2 + e];
  const ys = [f, b * advance + f, d * size * 0.8 + f, -d * size * 0.2 + f];
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const clip = state.clip;
  const clipped = x0 < clip[0] - 1 || x1 > clip[2] + 1 || y0 < clip[1] - 1 || y1 > clip[3] + 1;
  const run = { x0, x1, top: height - y1, bottom: height - y0, size: size * Math.hypot(cc, d), text: shown };
  const next: Matrix = [tm[0], tm[1], tm[2], tm[3], tm[4] + advance * tm[0], tm[5] + advance * tm[1]];
  return { run, clipped, tm: next };
}

/** The character codes of a string token: `<hex>` read two digits a byte, a literal through hexBytes. */
function codesOf(raw: string, codeBytes: number): number[] {
  const codes: number[] = [];
  if (!raw.startsWith('<') || /[^0-9A-Fa-f<>]/.test(raw)) {
    const bytes = hexBytes(raw);
    for (let i = 0; i + codeBytes <= bytes.length; i += codeBytes) codes.push(codeBytes === 2 ? bytes[i]! * 256 + bytes[i + 1]! : bytes[i]!);
    return codes;
  }
  const digits = codeBytes * 2;
  for (let i = 1; i + digits < raw.length; i += digits) codes.push(parseInt(raw.slice(i, i + digits), 16));
  return codes;
}

function intersect(a: Box, b: Box): Box {
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/** An operator's operands, from where they start to where the operator is. */
function readOperands(text: string, start: number, at: number): PdfValue[] {
  const lexer = new PdfLexer(text, start, at);
  const values: PdfValue[] = [];
  try {
    while (lexer.next() !== Token.End) values.push(readValue(lexer));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  return values;
}

const numbers = (values: PdfValue[]): number[] => values.filter(isNumber);

/** Operands that are numbers only (cm, re, Tm, Td), read without building tokens: most of a page's operators. */
function quickNumbers(text: string, start: number, at: number): number[] {
  const out: number[] = [];
  let from = -1;
  for (let i = start; i <= at; i++) {
    const c = i < at ? text.charCodeAt(i) : 0x20;
    const white = c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
    if (!white && from < 0) from = i;
    else if (white && from >= 0) {
      const value = Number(text.slice(from, i));
      if (!Number.isFinite(value)) return numbers(readOperands(text, start, at));
      out.push(value);
      from = -1;
    }
  }
  return out;
}

/** A Tj's one string operand as written. */
function quickString(text: string, start: number, at: number): PdfValue {
  const raw = text.slice(start, at).trim();
  return raw.startsWith('<') && raw.endsWith('>') ? new PdfString(raw) : (readOperands(text, start, at).at(-1) ?? null);
}

/** Whether a glyph follows on from the run: on its baseline, starting near where it ends. */
function continues(run: TextRun, next: Omit<TextRun, 'mcid' | 'clipped'>): boolean {
  return Math.abs(run.bottom - next.bottom) < 0.5 && next.x0 > run.x1 - next.size && next.x0 < run.x1 + next.size;
}

/** The MCID of a BDC's inline property list (14.6.2), if it has one. */
function readMcid(values: PdfValue[]): number | undefined {
  const properties = values[1];
  const mcid = properties instanceof Map ? properties.get('MCID') : undefined;
  return typeof mcid === 'number' ? mcid : undefined;
}
