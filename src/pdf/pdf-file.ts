// A PDF with classic cross-reference tables (ISO 32000-1, 7.5.4), read object by object from the
// offsets the tables give: what Chromium (Skia) writes, what post-processing writes, and what
// pdf-lib writes without object streams. Incremental updates are followed through /Prev, the
// newest entry for an object winning. Everything is read by the lexer: an object is parsed when
// it is first asked for, a stream's data runs for its /Length up to the `endstream` keyword.
import { bytesAsText, findStreamEnd, keywordAt, PdfLexer, readStartXref, Token } from './pdf-lexer.js';
import { get, isDict, isNumber, isRef, PdfName, type PdfDict, type PdfRef, type PdfValue } from './pdf-objects.js';
import { glanceValue, readValue } from './pdf-parser.js';
import { readXrefSection } from './xref.js';
import { ObjectReader } from './object-reader.js';

/** More updates than any file the tool writes has: a /Prev chain longer than this is refused. */
const MAX_SECTIONS = 16;

/** An object as read: its value (a stream's dictionary for a stream), its text, a stream's data. */
export interface PdfObject {
  value: PdfValue;
  /** The value as written, from its first token to its last: what an unedited copy writes. */
  raw: string;
  /** A stream's data, as written (still encoded). */
  data?: Uint8Array;
}

/** A look at an object that builds no value: its text and, for a dictionary, what its keys hold. */
export interface ObjectGlance {
  raw: string;
  /** A dictionary's keys, each with the name it holds ('' for a value of another kind). */
  keys?: Map<string, string>;
  /** The object read whole: a stream always is (its /Length is needed), another where it was read before. */
  object?: PdfObject;
}

export class PdfFile extends ObjectReader {
  readonly trailer: PdfDict;
  readonly #bytes: Uint8Array;
  readonly #text: string;
  /** Where each object's value starts: just after its `N G obj`. */
  readonly #bodies: Map<number, number>;
  readonly #numbers: number[];
  /** Objects read so far; null while one is being read (a /Length that refers to its own stream). */
  readonly #objects = new Map<number, PdfObject | null>();

  private constructor(bytes: Uint8Array, text: string, bodies: Map<number, number>, trailer: PdfDict) {
    super();
    this.#bytes = bytes;
    this.#text = text;
    this.#bodies = bodies;
    this.#numbers = [...bodies.keys()].sort((a, b) => a - b);
    this.trailer = trailer;
  }

  /** The file, or undefined where it is not of a shape this reads (cross-reference streams, encryption, broken tables). */
  static read(bytes: Uint8Array): PdfFile | undefined {
    const text = bytesAsText(bytes);
    try {
      const table = readTable(text);
      return table && new PdfFile(bytes, text, table.bodies, table.trailer);
    } catch (error) {
      if (error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  /** Object numbers in use, ascending. */
  numbers(): number[] {
    return this.#numbers;
  }

  has(num: number): boolean {
    return this.#bodies.has(num);
  }

  /** The object as read, parsed when first asked for; a malformed one throws a SyntaxError. */
  get(num: number): PdfObject | undefined {
    const read = this.#objects.get(num);
    if (read) return read;
    if (read === null) throw new SyntaxError(`object ${num} is read while it is being read`);
    const at = this.#bodies.get(num);
    if (at === undefined) return undefined;
    this.#objects.set(num, null);
    const object = this.#readObject(at);
    this.#objects.set(num, object);
    return object;
  }

  /**
   * A look at the object through the lexer, its value not built, for a reader that edits few
   * objects and copies the rest as written (issue 17).
   */
  glance(num: number): ObjectGlance | undefined {
    const read = this.#objects.get(num);
    if (read) return { raw: read.raw, object: read, ...(isDict(read.value) ? { keys: namesOf(read.value) } : {}) };
    const at = this.#bodies.get(num);
    if (at === undefined) return undefined;
    const lexer = new PdfLexer(this.#text, at);
    lexer.next();
    const start = lexer.start;
    const keys = glanceValue(lexer);
    const raw = this.#text.slice(start, lexer.end);
    lexer.next();
    if (!lexer.is('stream')) return keys ? { raw, keys } : { raw };
    // A stream's data is found from its /Length: it is read whole.
    const object = this.get(num)!;
    return { raw: object.raw, object, ...(keys ? { keys } : {}) };
  }


  /** The stream's data, as written (still encoded). */
  data(num: number): Uint8Array | undefined {
    return this.get(num)?.data;
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

  #readObject(at: number): PdfObject {
    const lexer = new PdfLexer(this.#text, at);
    lexer.next();
    const start = lexer.start;
    const value = readValue(lexer);
    const raw = this.#text.slice(start, lexer.end);
    lexer.next();
    if (!lexer.is('stream') || !isDict(value)) return { value, raw };
    const dataStart = lexer.streamStart();
    return { value, raw, data: this.#bytes.subarray(dataStart, this.#streamEnd(value, dataStart)) };
  }

  /** Where a stream's data ends: after /Length bytes if `endstream` follows, else before the `endstream` found. */
  #streamEnd(dict: PdfDict, start: number): number {
    const length = this.resolve(dict.get('Length'));
    if (typeof length === 'number' && Number.isInteger(length) && length >= 0 && start + length <= this.#text.length) {
      if (keywordAt(this.#text, start + length, 'endstream')) return start + length;
    }
    const end = findStreamEnd(this.#text, start);
    if (end === undefined) throw new SyntaxError(`a stream at ${start} has no endstream`);
    return end;
  }
}

/** A dictionary's keys with the name each holds, '' for a value of another kind. */
function namesOf(dict: PdfDict): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of dict) keys.set(key, value instanceof PdfName ? value.name : '');
  return keys;
}

/** The cross-reference table with its updates: where each object in use starts, and the newest trailer. */
function readTable(text: string): { bodies: Map<number, number>; trailer: PdfDict } | undefined {
  const offsets = new Map<number, number | undefined>();
  let trailer: PdfDict | undefined;
  let at = readStartXref(text);
  for (let sections = 0; at !== undefined; sections++) {
    const section = sections < MAX_SECTIONS ? readXrefSection(text, at) : undefined;
    // A hybrid file's /XRefStm holds entries this does not read.
    if (!section || section.trailer.has('XRefStm')) return undefined;
    for (const [num, offset] of section.entries) if (!offsets.has(num)) offsets.set(num, offset);
    trailer ??= section.trailer;
    at = get(section.trailer, 'Prev', isNumber);
  }
  if (!trailer || trailer.has('Encrypt') || !get(trailer, 'Root', isRef)) return undefined;
  const bodies = new Map<number, number>();
  const lexer = new PdfLexer(text);
  for (const [num, offset] of offsets) {
    if (offset === undefined) continue;
    // Each entry must lead to its own object's `N G obj`; a table that does not is not trusted.
    lexer.pos = offset;
    if (lexer.next() !== Token.Number || lexer.number !== num || lexer.next() !== Token.Number) return undefined;
    lexer.next();
    if (!lexer.is('obj')) return undefined;
    bodies.set(num, lexer.end);
  }
  return { bodies, trailer };
}
