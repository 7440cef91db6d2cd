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
type Insertion = [at: number, bytes: Uint8Array];

/**
 * The content stream with each untagged mark wrapped as an artifact; the same bytes where there
 * is none, and undefined where the stream is not of a shape this can mark safely.
 */
export function markArtifacts(content: Uint8Array): Uint8Array | undefined {
  const lexer = new ContentLexer(content);
  // Open sequences: true for one that marks its content (tagged, with an MCID, or an artifact
  // already); false for another kind (an /ActualText span in a text object), which stays part of
  // whatever holds it. The operators of the untagged stretch being read are kept; tagged ones not.
  const open: boolean[] = [];
  let marking = 0;
  let untagged: ContentOperator[] = [];
  // Where the untagged stretch starts: after the last tagged sequence.
  let from = 0;
  const insertions: Insertion[] = [];
  const wrapUntagged = (): boolean => {
    const wrapped = wrapMarks(content, untagged, from);
    if (wrapped === undefined) return false;
    insertions.push(...wrapped);
    untagged = [];
    return true;
  };
  try {
    // Inside a tagged sequence only marked-content operators matter: the others are passed over.
    while (lexer.next(marking > 0)) {
      const { name } = lexer;
      if (name === 'EMC') {
        if (open.length === 0) return undefined;
        if (open.pop() && --marking === 0) {
          from = lexer.end;
          continue;
        }
      } else if (name === 'BDC' || name === 'BMC') {
        const marks = marksContent(lexer);
        if (marks && marking === 0 && !wrapUntagged()) return undefined;
        open.push(marks);
        if (marks) marking++;
      }
      if (marking === 0) untagged.push({ name, start: lexer.start, at: lexer.at, end: lexer.end });
    }
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  if (open.length !== 0 || !wrapUntagged()) return undefined;
  return insertions.length > 0 ? insert(content, insertions) : content;
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

/** The content with the bytes inserted, in order of place. */
function insert(content: Uint8Array, insertions: Insertion[]): Buffer {
  const out = Buffer.allocUnsafe(insertions.reduce((length, [, bytes]) => length + bytes.length, content.length));
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
