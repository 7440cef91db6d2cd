// The objects finishing changes, each edited as a value (issue 17): page content as finished
// (page-content.ts); structure elements and link annotations as PDF/UA wants them; Chromium's
// structure IDs numbered apart from the DOM; bookmarks' titles with their words apart. Every
// other object is copied as written.
import type { PdfWords } from '../contracts/document.js';
import { describeLink } from './link-words.js';
import type { FinishedContent } from './page-content.js';
import type { ObjectGlance, PdfFile } from './pdf-file.js';
import { copyDict, isDict, isString, isStructElem, nameAt, PdfName, type ObjectEdit, type PdfDict, type PdfValue } from './pdf-objects.js';
import { decodeText, pdfText } from './pdf-text.js';
import { readNameTree } from './pdf-trees.js';
import type { StructureEdits } from './structure-edits.js';
import { numberChromiumIds, renameIdTreeNode, renameIds, type IdNames } from './structure-ids.js';

export type { ObjectEdit };

/** What finishing makes of an object, given a glance at it; undefined where it is copied as written. */
export type ObjectFinisher = (num: number, glance: ObjectGlance) => ObjectEdit | undefined;

/**
 * The finisher of a file's objects: only the objects an edit may change are parsed whole. The
 * structure edits (structure-edits.ts) give elements and parent-tree arrays as they become; the
 * page content comes finished (page-content.ts), with the words either side of each line break
 * that mend the bookmarks' titles.
 */
export function objectFinisher(file: PdfFile, words: PdfWords, structure: StructureEdits, content: FinishedContent): ObjectFinisher {
  const ids = numberChromiumIds(file);
  const idTree = new Set(ids.size > 0 ? readNameTree(file, file.dict(file.catalog.get('StructTreeRoot'))?.get('IDTree')).nodes : []);
  return (num, glance) => {
    if (glance.object?.data) return content.streams.get(num);
    const changed = structure.changed.get(num);
    if (changed !== undefined) return editObject(changed, words, ids, idTree.has(num)) ?? { value: changed };
    if (glance.keys?.has('Title') && glance.keys.has('Parent') && content.pairs.length > 0) return spacedTitle(file.object(num)!, content.pairs);
    if (!glance.keys || !(idTree.has(num) || mayEdit(glance.keys, ids.size > 0))) return undefined;
    return editObject(file.object(num)!, words, ids, idTree.has(num));
  };
}

/**
 * A bookmark with the spaces of its heading's line breaks (issue 19): Chromium titles it with the
 * text it drew, which has none where the heading wraps ("byChinese").
 */
function spacedTitle(value: PdfValue, pairs: Array<[string, string]>): ObjectEdit | undefined {
  const title = isDict(value) ? value.get('Title') : undefined;
  if (title === undefined || !isString(title)) return undefined;
  const text = decodeText(title);
  let spaced = text;
  for (const [before, after] of pairs) if (before !== '' && after !== '') spaced = spaced.replaceAll(before + after, `${before} ${after}`);
  if (spaced === text) return undefined;
  const item = copyDict(value as PdfDict);
  item.set('Title', pdfText(spaced));
  return { value: item };
}

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
