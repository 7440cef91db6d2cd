// PDF/UA-1 (7.1) wants every mark on a page either tagged as real content or marked as an
// artifact. Chromium tags what the document's structure holds and leaves the rest bare: the
// running header and footer of @page margin boxes, and the borders and backgrounds of elements
// with no structure of their own (a <div>'s rule, a dot leader). Each of those marks is wrapped
// here in `/Artifact BMC ... EMC`; tagged sequences are left as they are. The stream is read as
// operators (content-lexer.ts): marked content is found as BDC, BMC and EMC operators (issue 17).
import { ContentLexer, followsWhiteSpace } from './content-lexer.js';
import { readOperands, type ContentOperator } from './content-stream.js';
import { isDict, isName } from './pdf-objects.js';

const ARTIFACT = Buffer.from('/Artifact BMC\n', 'latin1');
const EMC = Buffer.from('\nEMC', 'latin1');
const NEWLINE = Buffer.from('\n', 'latin1');

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
  const out: Uint8Array[] = [];
  let from = 0;
  let changed = false;
  const wrapUntagged = (to: number): boolean => {
    const wrapped = wrapMarks(content, untagged, from, to);
    if (wrapped === undefined) return false;
    changed ||= wrapped.length > 1;
    out.push(...wrapped);
    from = to;
    untagged = [];
    return true;
  };
  try {
    while (lexer.next()) {
      const { name } = lexer;
      if (name === 'EMC') {
        if (open.length === 0) return undefined;
        if (open.pop() && --marking === 0) {
          out.push(content.subarray(from, lexer.end));
          from = lexer.end;
          continue;
        }
      } else if (name === 'BDC' || name === 'BMC') {
        const marks = marksContent(content, lexer);
        if (marks && marking === 0 && !wrapUntagged(lexer.start)) return undefined;
        open.push(marks);
        if (marks) marking++;
      }
      if (marking === 0) untagged.push({ name, start: lexer.start, at: lexer.at, end: lexer.end });
    }
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  if (open.length !== 0 || !wrapUntagged(content.length)) return undefined;
  return changed ? Buffer.concat(out) : content;
}

/** Whether a BDC or BMC marks its content: an artifact, or tagged content with an MCID (14.7.4). */
function marksContent(content: Uint8Array, operator: ContentOperator): boolean {
  const [tag, properties] = readOperands(content, operator);
  if (tag !== undefined && isName(tag) && tag.name === 'Artifact') return true;
  return operator.name === 'BDC' && properties !== undefined && isDict(properties) && properties.has('MCID');
}

const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const CLIP = new Set(['W', 'W*']);

/**
 * Untagged content, the bytes from `from` to `to` holding `operators`: each text object, painted
 * path, XObject, shading and inline image wrapped. Returns the pieces to write (one where nothing
 * is wrapped); undefined where a text object does not close.
 */
function wrapMarks(content: Uint8Array, operators: ContentOperator[], from: number, to: number): Uint8Array[] | undefined {
  const out: Uint8Array[] = [];
  let cursor = from;
  const wrap = (start: number, end: number) => {
    // A line break before the artifact where the content before it does not end with white space.
    if (start > cursor && !followsWhiteSpace(content, start)) out.push(content.subarray(cursor, start), NEWLINE);
    else out.push(content.subarray(cursor, start));
    out.push(ARTIFACT, content.subarray(start, end), EMC);
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
  out.push(content.subarray(cursor, to));
  return out;
}
