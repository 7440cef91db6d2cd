// A PDF with classic cross-reference tables (ISO 32000-1, 7.5.4), read object by object from the
// offsets the tables give: what Chromium (Skia) writes, what post-processing writes, and what
// pdf-lib writes without object streams. Incremental updates are followed, the newest entry
// winning. Objects are sliced out as they are asked for; nothing is parsed up front.
import { latin1, readXrefSection } from './xref.js';
import { get, isDict, isNumber, isRef, parseValue, type PdfDict, type PdfRef, type PdfValue } from './pdf-syntax.js';

/** More updates than any file the tool writes has. */
const MAX_SECTIONS = 16;
const STREAM_KEYWORD = />>\s*stream(?:\r\n|\n|\r)/g;

/** One object's place in the file: its body runs from `start` to `end` (before `endobj`). */
interface Slot {
  start: number;
  end: number;
}

/** An object's body: its value's text, and for a stream where its data lies. */
export interface ObjectBody {
  /** The dictionary (or other value) as written, before any `stream` keyword. */
  head: string;
  /** Byte range of the stream's data, where the object is a stream. */
  data?: { start: number; end: number };
}

export class PdfFile {
  readonly text: string;
  readonly trailer: PdfDict;
  readonly #slots: Map<number, Slot>;
  readonly #parsed = new Map<number, PdfValue>();

  private constructor(
    readonly bytes: Uint8Array,
    text: string,
    slots: Map<number, Slot>,
    trailer: PdfDict,
  ) {
    this.text = text;
    this.#slots = slots;
    this.trailer = trailer;
  }

  /** The file, or undefined where it is not of a shape this reads (cross-reference streams, encryption). */
  static read(bytes: Uint8Array): PdfFile | undefined {
    const text = latin1(bytes);
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
    if (!start) return undefined;
    const offsets = new Map<number, number>();
    const boundaries: number[] = [];
    let trailer: PdfDict | undefined;
    let at: number | undefined = Number(start[1]);
    for (let seen = 0; at !== undefined; seen++) {
      const section: { offsets: Map<number, number>; end: number } | undefined = seen < MAX_SECTIONS ? readXrefSection(text, at) : undefined;
      if (!section) return undefined;
      boundaries.push(at);
      for (const [num, offset] of section.offsets) {
        boundaries.push(offset);
        if (!offsets.has(num)) offsets.set(num, offset);
      }
      const head = /^\s*trailer\s*/.exec(text.slice(section.end, section.end + 64));
      if (!head) return undefined;
      let dict: PdfValue;
      try {
        dict = parseValue(text, section.end + head[0].length).value;
      } catch {
        return undefined;
      }
      if (!isDict(dict)) return undefined;
      trailer ??= dict;
      at = get(dict, 'Prev', isNumber);
    }
    if (!trailer || trailer.has('Encrypt') || trailer.has('XRefStm') || !get(trailer, 'Root', isRef)) return undefined;
    // An object ends where the next thing in the file starts: the last `endobj` before it is its own.
    boundaries.push(text.length);
    boundaries.sort((a, b) => a - b);
    const slots = new Map<number, Slot>();
    for (const [num, offset] of offsets) {
      const head = /^\s*(\d+)\s+(\d+)\s+obj\b\s*/.exec(text.slice(offset, offset + 40));
      if (!head || Number(head[1]) !== num) return undefined;
      const next = boundaries[upperBound(boundaries, offset)] ?? text.length;
      const end = text.lastIndexOf('endobj', next);
      if (end < offset) return undefined;
      slots.set(num, { start: offset + head[0].length, end });
    }
    return new PdfFile(bytes, text, slots, trailer);
  }

  /** Object numbers in use, ascending. */
  numbers(): number[] {
    return [...this.#slots.keys()].sort((a, b) => a - b);
  }

  has(num: number): boolean {
    return this.#slots.has(num);
  }

  /** The object's body as written: its value's text and, for a stream, where its data is. */
  body(num: number): ObjectBody | undefined {
    const slot = this.#slots.get(num);
    if (!slot) return undefined;
    // A stream's body ends with `endstream`; its dictionary ends at the first `>>` followed by `stream`.
    const tail = this.text.slice(Math.max(slot.start, slot.end - 16), slot.end);
    const keyword = tail.includes('endstream') ? slot.end - tail.length + tail.indexOf('endstream') : -1;
    if (keyword > slot.start) {
      STREAM_KEYWORD.lastIndex = slot.start;
      const found = STREAM_KEYWORD.exec(this.text);
      if (found && found.index < keyword) {
        const head = this.text.slice(slot.start, found.index + 2);
        const dataStart = found.index + found[0].length;
        const dict = parseValue(head, 0).value;
        const length = isDict(dict) ? this.resolve(dict.get('Length')) : undefined;
        const dataEnd = typeof length === 'number' && dataStart + length <= keyword ? dataStart + length : trimEol(this.text, keyword);
        return { head, data: { start: dataStart, end: dataEnd } };
      }
    }
    return { head: this.text.slice(slot.start, slot.end).trimEnd() };
  }

  /** The object parsed (a stream's dictionary for a stream), cached. */
  object(num: number): PdfValue | undefined {
    if (this.#parsed.has(num)) return this.#parsed.get(num);
    const body = this.body(num);
    if (!body) return undefined;
    const value = parseValue(body.head, 0).value;
    this.#parsed.set(num, value);
    return value;
  }

  /** A dictionary, following a reference if given one. */
  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return resolved !== undefined && isDict(resolved) ? resolved : undefined;
  }

  /** The value, following a reference. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value !== undefined && isRef(value) ? this.object(value.num) : value;
  }

  /** The stream's data, as written (still encoded). */
  data(num: number): Uint8Array | undefined {
    const range = this.body(num)?.data;
    return range && this.bytes.subarray(range.start, range.end);
  }

  get root(): PdfRef {
    return get(this.trailer, 'Root', isRef)!;
  }

  get catalog(): PdfDict {
    return this.dict(this.root) ?? new Map();
  }

  /** The pages in order, by object number, and the page-tree nodes above them. */
  pages(): { pages: number[]; nodes: number[] } {
    const pages: number[] = [];
    const nodes: number[] = [];
    const walk = (ref: PdfValue | undefined, depth: number) => {
      if (!ref || !isRef(ref) || depth > 64) return;
      const node = this.dict(ref);
      const kids = node?.get('Kids');
      if (node && Array.isArray(kids)) {
        nodes.push(ref.num);
        for (const kid of kids) walk(kid, depth + 1);
      } else if (node) {
        pages.push(ref.num);
      }
    };
    walk(this.catalog.get('Pages'), 0);
    return { pages, nodes };
  }
}

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function trimEol(text: string, at: number): number {
  let end = at;
  if (text[end - 1] === '\n') end--;
  if (text[end - 1] === '\r') end--;
  return end;
}
