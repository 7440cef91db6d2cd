// A page's text as the proof reads it (ISO 32000-1, 9.4): each text-showing operator becomes a
// run with its box on the page, its size, its text, the marked content it is in (its MCID, or
// an artifact) and whether the clip in force cuts it. Operators are read by the content lexer;
// only the few that place text, change the matrix or clip are interpreted, their operands read
// straight from the bytes where they are numbers or one hex string (most of a page): cheap.
import { bytesAsText, ContentLexer, isArray, isNumber, isString, PdfLexer, readValue, stringBytes, Token, type PdfValue } from '../pdf/index.js';
import type { ProofFont } from './page-fonts.js';
import { fontOperands, mcidOperand, readNumbers } from './read-numbers.js';
import { growBox, growRectangle, hexValue, intersect, multiply, NO_CLIP, readMcid, type Box, type CutMark, type Matrix, type PageText, type TextRun } from './page-geometry.js';

export type { CutMark, PageText, TextRun } from './page-geometry.js';

interface GraphicsState {
  ctm: Matrix;
  clip: Box;
}

/** Reads a decoded content stream of a page whose top is at `top` in user space. */
export function readPageText(content: Uint8Array, fonts: Map<string, ProofFont>, top: number): PageText {
  const reader = new TextReader(content, fonts, top);
  reader.read();
  return { runs: reader.runs, cutMarks: reader.cutMarks, scale: reader.scale };
}

class TextReader {
  readonly runs: TextRun[] = [];
  readonly cutMarks: CutMark[] = [];
  scale: number | undefined;
  #gs: GraphicsState = { ctm: [1, 0, 0, 1, 0, 0], clip: NO_CLIP };
  readonly #saved: GraphicsState[] = [];
  readonly #marks: Array<number | undefined> = [];
  #mcid: number | undefined;
  #path: Box | undefined;
  #clipPending = false;
  /** The text line matrix; the text matrix is it moved along by `#advance` (9.4.2). */
  #tlm: Matrix = [1, 0, 0, 1, 0, 0];
  #advance = 0;
  #font: ProofFont | undefined;
  #size = 0;
  #leading = 0;
  /** The operands just read by #operandNumbers, the count it returned valid. */
  readonly #numbers = new Float64Array(16);
  readonly #lexer: ContentLexer;
  #text: string | undefined;

  constructor(
    readonly data: Uint8Array,
    readonly fonts: Map<string, ProofFont>,
    readonly top: number,
  ) {
    this.#lexer = new ContentLexer(data);
  }

  read(): void {
    const lexer = this.#lexer;
    while (lexer.next()) {
      const name = lexer.name;
      if (name === 'Tj') this.#showHex();
      else if (name === 'Td') this.#moveLine(false);
      else this.#other(name);
    }
  }

  /** Operands that are numbers, read from the bytes into #numbers; how many. NaN stands for any other token. */
  #operandNumbers(): number {
    return readNumbers(this.data, this.#lexer.start, this.#lexer.at, this.#numbers);
  }

  /** The six numbers just read, as a matrix; undefined where there were not six. */
  #matrix(count: number): Matrix | undefined {
    const n = this.#numbers;
    return count === 6 ? [n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!] : undefined;
  }

  /** Operands of other kinds (names, strings, arrays, dictionaries), through the PDF lexer. */
  #operands(): PdfValue[] {
    this.#text ??= bytesAsText(this.data);
    const lexer = new PdfLexer(this.#text, this.#lexer.start, this.#lexer.at);
    const values: PdfValue[] = [];
    try {
      while (lexer.next() !== Token.End) values.push(readValue(lexer));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
    return values;
  }

  /** `/F4 10 Tf`: the font's resource name and the size, read from the bytes. */
  #setFont(): void {
    const { name, sizeAt } = fontOperands(this.data, this.#lexer.start, this.#lexer.at);
    this.#font = this.fonts.get(name);
    if (readNumbers(this.data, sizeAt, this.#lexer.at, this.#numbers) > 0 && Number.isFinite(this.#numbers[0])) this.#size = this.#numbers[0]!;
  }

  /** A BDC's MCID (14.6.2): from the bytes where its property list is written in line, else through the PDF lexer. */
  #mcidOperand(): number | undefined {
    const found = mcidOperand(this.data, this.#lexer.start, this.#lexer.at, this.#numbers);
    if (found !== null) return found; // no `/MCID` in its bytes: only a key written with # escapes (7.3.5) could be one
    return this.data.subarray(this.#lexer.start, this.#lexer.at).includes(0x23 /* # */) ? readMcid(this.#operands()) : undefined;
  }

  #moveLine(setLeading: boolean): void {
    const count = this.#operandNumbers();
    const tx = count > 0 ? this.#numbers[0]! : 0;
    const ty = count > 1 ? this.#numbers[1]! : 0;
    if (setLeading) this.#leading = -ty;
    const m = this.#tlm;
    m[4] += tx * m[0] + ty * m[2];
    m[5] += tx * m[1] + ty * m[3];
    this.#advance = 0;
  }

  #nextLine(): void {
    const m = this.#tlm;
    m[4] -= this.#leading * m[2];
    m[5] -= this.#leading * m[3];
    this.#advance = 0;
  }

  #other(name: string): void {
    switch (name) {
      case 'q':
        this.#saved.push(this.#gs);
        break;
      case 'Q':
        this.#gs = this.#saved.pop() ?? this.#gs;
        break;
      case 'cm': {
        const m = this.#matrix(this.#operandNumbers());
        if (m) this.#gs = { ...this.#gs, ctm: multiply(m, this.#gs.ctm) };
        break;
      }
      case 're':
      case 'm':
      case 'l':
      case 'c':
      case 'v':
      case 'y':
        this.#addPoints(name === 're');
        break;
      case 'W':
      case 'W*':
        this.#clipPending = true;
        break;
      case 'n':
      case 'f':
      case 'f*':
      case 'S':
      case 'B':
      case 'b':
        if (this.#clipPending && this.#path) this.#gs = { ...this.#gs, clip: intersect(this.#gs.clip, this.#path) };
        else if (name !== 'n' && this.#path && this.#mcid !== undefined) this.#checkMark(this.#path, this.#mcid);
        this.#clipPending = false;
        this.#path = undefined;
        break;
      case 'BDC':
      case 'BMC':
        this.#marks.push(name === 'BDC' ? this.#mcidOperand() : undefined);
        this.#mcid = this.#marks.findLast((m) => m !== undefined);
        break;
      case 'EMC':
        this.#marks.pop();
        this.#mcid = this.#marks.findLast((m) => m !== undefined);
        break;
      default:
        this.#textOperator(name);
    }
  }

  #textOperator(name: string): void {
    switch (name) {
      case 'BT':
        this.#tlm = [1, 0, 0, 1, 0, 0];
        this.#advance = 0;
        break;
      case 'Tf':
        this.#setFont();
        break;
      case 'TL':
        if (this.#operandNumbers() > 0) this.#leading = this.#numbers[0]!;
        break;
      case 'Tm': {
        const m = this.#matrix(this.#operandNumbers());
        if (m) this.#tlm = m;
        this.#advance = 0;
        break;
      }
      case 'TD':
        this.#moveLine(true);
        break;
      case 'T*':
        this.#nextLine();
        break;
      case "'":
      case '"':
        this.#nextLine();
        this.#show(this.#operands().slice(-1));
        break;
      case 'TJ':
        this.#show(this.#operands().flatMap((value) => (isArray(value) ? value : [])));
        break;
    }
  }

  /** A Tj: its one hex string read from the bytes, two or four digits a glyph; any other operand through #show. */
  #showHex(): void {
    const { data } = this;
    const font = this.#font;
    let i = this.#lexer.start;
    const end = this.#lexer.at;
    while (i < end && (data[i] === 0x20 || data[i] === 0x0a || data[i] === 0x0d)) i++;
    if (!font || data[i] !== 0x3c /* < */) return this.#show(this.#operands().slice(-1));
    const digits = font.codeBytes * 2;
    let width = 0;
    let text = '';
    for (i++; i + digits <= end && data[i] !== 0x3e; i += digits) {
      let code = 0;
      for (let k = 0; k < digits; k++) code = code * 16 + hexValue(data[i + k]!);
      width += font.widths.get(code) ?? font.defaultWidth;
      text += font.text.get(code) ?? '';
    }
    this.#place((width / 1000) * this.#size, text);
  }

  /** Shows strings and TJ adjustments. */
  #show(strings: PdfValue[]): void {
    const font = this.#font;
    if (!font) return;
    let advance = 0;
    let text = '';
    for (const item of strings) {
      if (isNumber(item)) advance -= (item / 1000) * this.#size;
      if (!isString(item)) continue;
      const bytes = stringBytes(item);
      for (let i = 0; i + font.codeBytes <= bytes.length; i += font.codeBytes) {
        const code = font.codeBytes === 2 ? bytes.charCodeAt(i) * 256 + bytes.charCodeAt(i + 1) : bytes.charCodeAt(i);
        advance += ((font.widths.get(code) ?? font.defaultWidth) / 1000) * this.#size;
        text += font.text.get(code) ?? '';
      }
    }
    this.#place(advance, text);
  }

  /** Records text `advance` wide at the text matrix, and moves the matrix past it. */
  #place(advance: number, text: string): void {
    const start = this.#advance;
    this.#advance += advance;
    if (text === '') return;
    // A space drawn at a line's end (the finishing's explicit word break) has no ink: it widens no run.
    if (text.trim() === '') {
      if (this.runs.at(-1)?.mcid === this.#mcid) this.runs.at(-1)!.text += text;
      return;
    }
    const t = this.#tlm;
    const c = this.#gs.ctm;
    const size = this.#size;
    // The text matrix times the CTM: text space to the page.
    const a = t[0] * c[0] + t[1] * c[2];
    const b = t[0] * c[1] + t[1] * c[3];
    const cc = t[2] * c[0] + t[3] * c[2];
    const d = t[2] * c[1] + t[3] * c[3];
    const e = (t[4] + start * t[0]) * c[0] + (t[5] + start * t[1]) * c[2] + c[4];
    const f = (t[4] + start * t[0]) * c[1] + (t[5] + start * t[1]) * c[3] + c[5];
    this.scale ??= Math.hypot(c[0], c[1]);
    // Its box: the baseline from the origin to the advance, 0.8 of the size above it, 0.2 below.
    const x0 = Math.min(e, a * advance + e) + Math.min(0, cc * size * 0.8, -cc * size * 0.2);
    const x1 = Math.max(e, a * advance + e) + Math.max(0, cc * size * 0.8, -cc * size * 0.2);
    const y0 = Math.min(f, b * advance + f) + Math.min(0, d * size * 0.8, -d * size * 0.2);
    const y1 = Math.max(f, b * advance + f) + Math.max(0, d * size * 0.8, -d * size * 0.2);
    const clip = this.#gs.clip;
    const clipped = x0 < clip[0] - 1 || x1 > clip[2] + 1 || y0 < clip[1] - 1 || y1 > clip[3] + 1;
    const last = this.runs[this.runs.length - 1];
    const bottom = this.top - y0;
    const shownSize = size * (cc === 0 ? Math.abs(d) : Math.hypot(cc, d)); // hypot(0, d) is |d|, exactly
    // Chromium shows one glyph at a time: glyphs that follow on, on one baseline, make one run.
    if (last && last.mcid === this.#mcid && Math.abs(last.bottom - bottom) < 0.5 && x0 > last.x1 - shownSize && x0 < last.x1 + shownSize) {
      last.x1 = Math.max(last.x1, x1);
      last.top = Math.min(last.top, this.top - y1);
      last.text += text;
      last.clipped ||= clipped;
    } else {
      this.runs.push({ x0, x1, top: this.top - y1, bottom, size: shownSize, text, mcid: this.#mcid, clipped });
    }
  }

  /** A tagged mark painted partly outside the clip (a bullet cut at the page's edge). */
  #checkMark([x0, y0, x1, y1]: Box, mcid: number): void {
    const clip = this.#gs.clip;
    if (x0 < clip[0] - 1 || x1 > clip[2] + 1 || y0 < clip[1] - 1 || y1 > clip[3] + 1) this.cutMarks.push({ x0, x1, top: this.top - y1, bottom: this.top - y0, mcid });
  }

  /** Points of a path segment (m, l, c, v, y; control points included) or the corners of a rectangle (re): the path's box grows to hold them. */
  #addPoints(rectangle: boolean): void {
    const count = this.#operandNumbers();
    if (rectangle && count < 4) return;
    const n = this.#numbers;
    this.#path = rectangle ? growRectangle(this.#path, n[0]!, n[1]!, n[2]!, n[3]!, this.#gs.ctm) : growBox(this.#path, n, count, this.#gs.ctm);
  }
}
