// Each page's content as finishing leaves it (issue 14, issue 19): a repeated table header
// re-marked as an artifact, a space shown at each soft line wrap between words, untagged marks
// wrapped as artifacts. Done for every page before any object is written, because the word breaks
// also mend the bookmarks, which may be written first.
import { ContentLexer } from './content-lexer.js';
import { deflate, inflate } from './deflate.js';
import { ArtifactMarks, insertBytes, remarkAsArtifacts, type Insertion } from './mark-artifacts.js';
import type { PdfFile } from './pdf-file.js';
import { get, isDict, isRef, nameAt, PdfName, PdfRef, refsOf, type ObjectEdit } from './pdf-objects.js';
import { withLength } from './pdf-writer.js';
import { blocksOfPage, type StructureEdits } from './structure-edits.js';
import { readToUnicode } from './text-lexer.js';
import { LineReader, wordBreaks, type FontText } from './word-breaks.js';

/** The content streams as finished, by object number (undefined where one stays as written), and the words either side of each break. */
export interface FinishedContent {
  streams: Map<number, ObjectEdit | undefined>;
  pairs: Array<[string, string]>;
}

export function finishPageContent(file: PdfFile, pages: number[], structure: StructureEdits): FinishedContent {
  const streams = new Map<number, ObjectEdit | undefined>();
  const pairs: Array<[string, string]> = [];
  const fontCache = new Map<number, FontText | undefined>();
  for (const page of pages) {
    const dict = file.dict(new PdfRef(page));
    const repeats = structure.artifacts.get(page);
    const fonts = pageFonts(file, page, fontCache);
    const blockOf = blocksOfPage(file, structure, page);
    for (const ref of refsOf(dict?.get('Contents'))) {
      if (streams.has(ref.num)) continue;
      const object = file.get(ref.num);
      const stream = object?.value;
      if (!object?.data || !stream || !isDict(stream)) continue;
      const filter = stream.get('Filter');
      const flate = nameAt(stream, 'Filter') === 'FlateDecode';
      if ((filter !== undefined && !flate) || stream.has('DecodeParms')) {
        streams.set(ref.num, undefined);
        continue;
      }
      const content = flate ? inflate(object.data) : object.data;
      const remarked = repeats ? remarkAsArtifacts(content, repeats) : content;
      const finished = remarked && breakAndMark(remarked, fonts, blockOf);
      if (finished) pairs.push(...finished.pairs);
      const marked = finished?.content;
      if (marked === undefined || marked === content) {
        streams.set(ref.num, undefined);
        continue;
      }
      const data = deflate(marked);
      const entries = new Map(stream);
      entries.set('Filter', new PdfName('FlateDecode'));
      streams.set(ref.num, { value: withLength(entries, data), data });
    }
  }
  return { streams, pairs };
}

/**
 * The content with a space shown at each soft line wrap (word-breaks.ts) and its untagged marks
 * wrapped as artifacts (mark-artifacts.ts), from one reading of its operators, the bytes of both
 * inserted in one copy; the words either side of each break. The content undefined where it
 * cannot be marked; undefined where it does not read as operators. A space goes in before a
 * tagged line's ET and an artifact's bytes only outside tagged sequences, so neither moves what
 * the other reads.
 */
function breakAndMark(content: Uint8Array, fonts: Map<string, FontText>, blockOf: (mcid: number) => number | undefined): { content: Uint8Array | undefined; pairs: Array<[string, string]> } | undefined {
  const lexer = new ContentLexer(content);
  const lines = new LineReader(content, fonts);
  const marks = new ArtifactMarks(content);
  try {
    while (lexer.next()) {
      lines.read(lexer);
      marks.read(lexer);
    }
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  const breaks = wordBreaks(lines.lines, blockOf);
  const artifacts = marks.insertions();
  return { content: artifacts && insertBytes(content, inOrder(breaks.insertions, artifacts)), pairs: breaks.pairs };
}

/** Two lists of insertions, each in order of place, as one. */
function inOrder(first: Insertion[], second: Insertion[]): Insertion[] {
  if (first.length === 0) return second;
  if (second.length === 0) return first;
  const merged: Insertion[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    if (j === second.length || (i < first.length && first[i]![0] <= second[j]![0])) merged.push(first[i++]!);
    else merged.push(second[j++]!);
  }
  return merged;
}

/** A page's fonts by resource name (its own /Resources, else its parents'), each read once a file. */
function pageFonts(file: PdfFile, page: number, cache: Map<number, FontText | undefined>): Map<string, FontText> {
  let node = file.dict(new PdfRef(page));
  let resources = file.dict(node?.get('Resources'));
  for (let depth = 0; !resources && node && depth < 32; depth++) {
    node = file.dict(node.get('Parent'));
    resources = file.dict(node?.get('Resources'));
  }
  const fonts = new Map<string, FontText>();
  for (const [name, ref] of file.dict(resources?.get('Font')) ?? []) {
    if (!isRef(ref)) continue;
    if (!cache.has(ref.num)) cache.set(ref.num, fontText(file, ref));
    const font = cache.get(ref.num);
    if (font) fonts.set(name, font);
  }
  return fonts;
}

/** What the word breaks need of a font, from its ToUnicode map; undefined where it has none. */
function fontText(file: PdfFile, ref: PdfRef): FontText | undefined {
  const font = file.dict(ref);
  const toUnicode = get(font, 'ToUnicode', isRef);
  const object = toUnicode && file.get(toUnicode.num);
  if (!font || !object?.data || !isDict(object.value)) return undefined;
  const filter = nameAt(object.value, 'Filter');
  if (filter !== undefined && filter !== 'FlateDecode') return undefined;
  const unicode = readToUnicode(filter ? inflate(object.data) : object.data);
  let space: number | undefined;
  for (const [code, text] of unicode) if (text === ' ' && (space === undefined || code < space)) space = code;
  return { codeBytes: nameAt(font, 'Subtype') === 'Type0' ? 2 : 1, unicode, ...(space === undefined ? {} : { space }) };
}
