// PDF/UA-1 (7.1) wants every mark on a page either tagged as real content or marked as an
// artifact. Chromium tags what the document's structure holds and leaves the rest bare: the
// running header and footer of @page margin boxes, and the borders and backgrounds of elements
// with no structure of their own (a <div>'s rule, a dot leader). Each of those marks is wrapped
// here in `/Artifact BMC ... EMC`; tagged sequences are left as they are. The stream is read as
// operators (content-lexer.ts): marked content is found as BDC, BMC and EMC operators (issue 17).
import { ContentLexer, followsWhiteSpace } from './content-lexer.js';
import type { ContentOperator } from './content-stream.js';

const ARTIFACT = Buffer.from('/Artifact BMC\n', 'latin1');
const LINE_AND_ARTIFACT = Buffer.from('\n/Artifact BMC\n', 'latin1');
const EMC = Buffer.from('\nEMC', 'latin1');

/** Bytes to insert into the content, at a place in it: marking only ever adds. */
export type Insertion = [at: number, bytes: Uint8Array];

/**
 * The content stream with each untagged mark wrapped as an artifact; the same bytes where there
 * is none, and undefined where the stream is not of a shape this can mark safely.
 */
export function markArtifacts(content: Uint8Array): Uint8Array | undefined {
  const lexer = new ContentLexer(content);
  const marks = new ArtifactMarks(content);
  try {
    // Inside a tagged sequence only marked-content operators matter: the others are passed over.
    while (marks.readable && lexer.next(marks.markersOnly)) marks.read(lexer);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  const insertions = marks.insertions();
  return insertions && insertBytes(content, insertions);
}

/**
 * What marking a stream inserts, read an operator at a time (page-content.ts reads a page's
 * operators once for the artifacts and the word breaks).
 */
export class ArtifactMarks {
  /** False once the stream shows a shape this cannot mark safely (an EMC with nothing open). */
  readable = true;
  // Open sequences: true for one that marks its content (tagged, with an MCID, or an artifact
  // already); false for another kind (an /ActualText span in a text object), which stays part of
  // whatever holds it. The operators of the untagged stretch being read are kept; tagged ones not.
  readonly #open: boolean[] = [];
  #marking = 0;
  #untagged: ContentOperator[] = [];
  // Where the untagged stretch starts: after the last tagged sequence.
  #from = 0;
  readonly #insertions: Insertion[] = [];

  constructor(readonly content: Uint8Array) {}

  /** Whether only marked-content operators matter next: inside a tagged sequence. */
  get markersOnly(): boolean {
    return this.#marking > 0;
  }

  /** Takes the operator the lexer has just read. */
  read(lexer: ContentLexer): void {
    if (!this.readable) return;
    const { name } = lexer;
    if (name === 'EMC') {
      if (this.#open.length === 0) {
        this.readable = false;
        return;
      }
      if (this.#open.pop() && --this.#marking === 0) {
        this.#from = lexer.end;
        return;
      }
    } else if (name === 'BDC' || name === 'BMC') {
      const marks = marksContent(lexer);
      if (marks && this.#marking === 0 && !this.#wrapUntagged()) {
        this.readable = false;
        return;
      }
      this.#open.push(marks);
      if (marks) this.#marking++;
    }
    if (this.#marking === 0) this.#untagged.push({ name, start: lexer.start, at: lexer.at, end: lexer.end });
  }

  /** Once every operator is read: what to insert, in order of place; undefined where the stream cannot be marked. */
  insertions(): Insertion[] | undefined {
    if (!this.readable || this.#open.length !== 0 || !this.#wrapUntagged()) return undefined;
    return this.#insertions;
  }

  #wrapUntagged(): boolean {
    const wrapped = wrapMarks(this.content, this.#untagged, this.#from);
    if (wrapped === undefined) return false;
    for (const insertion of wrapped) this.#insertions.push(insertion);
    this.#untagged = [];
    return true;
  }
}

/** Whether the BDC or BMC just read marks its content: an artifact, or tagged content with an MCID (14.7.4). */
function marksContent(lexer: ContentLexer): boolean {
  const { tag, hasKey } = lexer.markedContent('MCID');
  return tag === 'Artifact' || (lexer.name === 'BDC' && hasKey);
}

const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const CLIP = new Set(['W', 'W*']);

/**
 * Untagged content from `from`: each text object, painted path, XObject, shading and inline image
 * among its operators wrapped. Returns what to insert; undefined where a text object does not close.
 */
function wrapMarks(content: Uint8Array, operators: ContentOperator[], from: number): Insertion[] | undefined {
  const insertions: Insertion[] = [];
  let cursor = from;
  const wrap = (start: number, end: number) => {
    // A line break before the artifact where what comes before it does not end with white space.
    insertions.push([start, start > cursor && !followsWhiteSpace(content, start) ? LINE_AND_ARTIFACT : ARTIFACT], [end, EMC]);
    cursor = end;
  };
  for (let i = 0; i < operators.length; i++) {
    const operator = operators[i]!;
    const name = operator.name;
    if (name === 'BT') {
      let close = i + 1;
      while (close < operators.length && operators[close]!.name !== 'ET') close++;
      if (close === operators.length) return undefined;
      wrap(operator.start, operators[close]!.end);
      i = close;
    } else if (PATH_CONSTRUCTION.has(name)) {
      let j = i;
      while (j + 1 < operators.length && (PATH_CONSTRUCTION.has(operators[j + 1]!.name) || CLIP.has(operators[j + 1]!.name))) j++;
      const paint = operators[j + 1];
      if (paint && PATH_PAINTING.has(paint.name)) wrap(operator.start, paint.end);
      i = paint && (PATH_PAINTING.has(paint.name) || paint.name === 'n') ? j + 1 : j;
    } else if (name === 'Do' || name === 'sh' || name === 'BI') {
      wrap(operator.start, operator.end);
    } else if (name === 'ET' || name === 'EI') {
      return undefined;
    }
  }
  return insertions;
}

/** The content with the bytes inserted, in order of place; the same bytes where there are none. */
export function insertBytes(content: Uint8Array, insertions: readonly Insertion[]): Uint8Array {
  if (insertions.length === 0) return content;
  let length = content.length;
  for (const [, bytes] of insertions) length += bytes.length;
  const out = Buffer.allocUnsafe(length);
  let from = 0;
  let to = 0;
  for (const [at, bytes] of insertions) {
    out.set(content.subarray(from, at), to);
    to += at - from;
    out.set(bytes, to);
    to += bytes.length;
    from = at;
  }
  out.set(content.subarray(from), to);
  return out;
}

/** What a repeated table header becomes (ISO 32000-1, 14.8.2.2.2): a pagination artifact, a running header. */
const REPEAT = Buffer.from('/Artifact <</Type /Pagination /Subtype /Header>> BDC', 'latin1');

/**
 * The content with each tagged sequence whose MCID is among `mcids` marked an artifact instead
 * (issue 19: a table's header row drawn again on a new page); the same bytes where none is, and
 * undefined where the stream does not read as operators.
 */
export function remarkAsArtifacts(content: Uint8Array, mcids: ReadonlySet<number>): Uint8Array | undefined {
  const lexer = new ContentLexer(content);
  const insertions: Array<[start: number, end: number]> = [];
  try {
    while (lexer.next(true)) if (lexer.name === 'BDC' && mcids.has(lexer.markedContentId())) insertions.push([lexer.start, lexer.end]);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  if (insertions.length === 0) return content;
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const [start, end] of insertions) {
    parts.push(content.subarray(from, start), REPEAT);
    from = end;
  }
  parts.push(content.subarray(from));
  return Buffer.concat(parts);
}
