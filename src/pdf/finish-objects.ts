// The objects finishing changes, each edited as a value (issue 17): page content with its
// untagged marks made artifacts; structure elements and link annotations as PDF/UA wants them;
// Chromium's structure IDs numbered apart from the DOM. Every other object is copied as written.
import type { PdfWords } from '../contracts/document.js';
import { deflate, inflate } from './deflate.js';
import { describeLink } from './link-words.js';
import { markArtifacts, remarkAsArtifacts } from './mark-artifacts.js';
import type { ObjectGlance, PdfFile, PdfObject } from './pdf-file.js';
import { copyDict, isDict, isStructElem, nameAt, PdfName, PdfRef, refsOf, type PdfDict, type PdfValue } from './pdf-objects.js';
import { pdfText } from './pdf-text.js';
import { readNameTree } from './pdf-trees.js';
import { withLength } from './pdf-writer.js';
import type { StructureEdits } from './structure-edits.js';
import { numberChromiumIds, renameIdTreeNode, renameIds, type IdNames } from './structure-ids.js';

/** An object's new value, and for a stream whose data changed, the new data. */
export interface ObjectEdit {
  value: PdfValue;
  data?: Uint8Array;
}

/** What finishing makes of an object, given a glance at it; undefined where it is copied as written. */
export type ObjectFinisher = (num: number, glance: ObjectGlance) => ObjectEdit | undefined;

/**
 * The finisher of a file's objects: only the objects an edit may change are parsed whole. The
 * structure edits (structure-edits.ts) give elements and parent-tree arrays as they become, and
 * by page the marked content that becomes an artifact.
 */
export function objectFinisher(file: PdfFile, pages: number[], words: PdfWords, structure: StructureEdits): ObjectFinisher {
  // Each content stream, with the MCIDs of its page that become artifacts (none: an empty set).
  const contents = new Map<number, ReadonlySet<number>>();
  for (const page of pages) {
    const repeats = structure.artifacts.get(page) ?? NONE;
    for (const ref of refsOf(file.dict(new PdfRef(page))?.get('Contents'))) contents.set(ref.num, repeats);
  }
  const ids = numberChromiumIds(file);
  const idTree = new Set(ids.size > 0 ? readNameTree(file, file.dict(file.catalog.get('StructTreeRoot'))?.get('IDTree')).nodes : []);
  return (num, glance) => {
    if (glance.object?.data) {
      const repeats = contents.get(num);
      return repeats ? markedContent(glance.object, repeats) : undefined;
    }
    const changed = structure.changed.get(num);
    if (changed !== undefined) return editObject(changed, words, ids, idTree.has(num)) ?? { value: changed };
    if (!glance.keys || !(idTree.has(num) || mayEdit(glance.keys, ids.size > 0))) return undefined;
    return editObject(file.object(num)!, words, ids, idTree.has(num));
  };
}

const NONE: ReadonlySet<number> = new Set();

/** Whether an edit may change a dictionary with these keys (and the names they hold). */
function mayEdit(keys: Map<string, string>, numberingIds: boolean): boolean {
  if (keys.get('S') === 'NonStruct' && keys.has('Lang')) return true;
  if (keys.get('Subtype') === 'Link' && !keys.has('Contents')) return true;
  return numberingIds && (keys.has('ID') || keys.has('A') || keys.has('Headers'));
}

/** A structure element, link annotation, attribute object or ID tree node as finished; undefined where it stays as it is. */
function editObject(value: PdfValue, words: PdfWords, ids: IdNames, inIdTree: boolean): ObjectEdit | undefined {
  if (!isDict(value)) return undefined;
  if (inIdTree) return wrap(renameIdTreeNode(value, ids));
  if (isStructElem(value)) {
    const element = renameIds(value, ids);
    // Chromium tags an element that only changes the language as NonStruct with /Lang: a Span
    // is what ISO 32000-1 (14.9.2) names for that.
    if (nameAt(value, 'S') !== 'NonStruct' || !value.has('Lang')) return wrap(element);
    const span = copyDict(element ?? value);
    span.set('S', new PdfName('Span'));
    return { value: span };
  }
  if (nameAt(value, 'Subtype') === 'Link' && !value.has('Contents')) {
    const link = copyDict(value);
    link.set('Contents', pdfText(describeLink(value, words)));
    return { value: link };
  }
  return wrap(renameIds(value, ids));
}

const wrap = (value: PdfDict | undefined): ObjectEdit | undefined => (value ? { value } : undefined);

/** A page's content with its untagged marks made artifacts; undefined where there are none, or it cannot be read. */
function markedContent(object: PdfObject, repeats: ReadonlySet<number>): ObjectEdit | undefined {
  const dict = object.value;
  if (!isDict(dict) || !object.data) return undefined;
  const filter = dict.get('Filter');
  const flate = nameAt(dict, 'Filter') === 'FlateDecode';
  if ((filter !== undefined && !flate) || dict.has('DecodeParms')) return undefined;
  const content = flate ? inflate(object.data) : object.data;
  const remarked = repeats.size > 0 ? remarkAsArtifacts(content, repeats) : content;
  const marked = remarked && markArtifacts(remarked);
  if (marked === undefined || marked === content) return undefined;
  const data = deflate(marked);
  const entries = new Map(dict);
  entries.set('Filter', new PdfName('FlateDecode'));
  return { value: withLength(entries, data), data };
}
