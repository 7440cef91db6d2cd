// Structure element IDs (ISO 32000-1, 14.7.2) and the table headers that cite them (14.8.5.7).
// Chromium names tagged table headers after DOM node ids (`/ID (node00003297)`), which depend on
// what the warm page showed before: they are numbered from 1 in order of first appearance in the
// structure tree, each to a name of the same length, so the same document gives the same bytes
// whatever was printed before it. A pack renames every part's IDs apart. Either way an ID is
// renamed only where it is one: an element's /ID, the /Headers of a table attribute object, the
// ID tree's keys; a string that merely reads like one is left alone (issue 17).
import type { PdfFile } from './pdf-file.js';
import { copyDict, isArray, isDict, isRef, isString, isStructElem, nameAt, type PdfDict, type PdfString, type PdfValue } from './pdf-objects.js';
import { decodeText, pdfText } from './pdf-text.js';
import { readNameTree } from './pdf-trees.js';

/** New names for structure IDs, by the ID's text. */
export type IdNames = Map<string, PdfString>;

/** Deeper than any structure tree Chromium writes: a deeper one is not followed further. */
const MAX_DEPTH = 256;

/**
 * New names for Chromium's `nodeNNNN` IDs, numbered in order of first appearance in the structure
 * tree (its elements depth first, each element's own /ID and /Headers before its kids'), then
 * those only the ID tree holds. None where a number would not keep its ID's length.
 */
export function numberChromiumIds(file: PdfFile): IdNames {
  const root = file.dict(file.catalog.get('StructTreeRoot'));
  // Every ID is in the ID tree (ISO 32000-1, 14.7.2): a file without one has none to number.
  if (!root?.has('IDTree')) return new Map();
  const order: string[] = [];
  const visited = new Set<number>();
  const visit = (kid: PdfValue | undefined, depth: number): void => {
    if (kid === undefined || depth > MAX_DEPTH) return;
    if (isArray(kid)) return kid.forEach((k) => visit(k, depth));
    if (!isRef(kid) || visited.has(kid.num)) return;
    visited.add(kid.num);
    const element = file.dict(kid);
    if (!element || !isStructElem(element)) return;
    for (const [key, value] of element) {
      if (key === 'ID' && isString(value)) order.push(decodeText(value));
      else if (key === 'A') for (const attributes of attributeObjects(file, value)) order.push(...headersOf(attributes));
    }
    visit(element.get('K'), depth + 1);
  };
  visit(root.get('K'), 0);
  order.push(...readNameTree(file, root.get('IDTree')).entries.map(([key]) => decodeText(key)));

  const names: IdNames = new Map();
  for (const id of order) {
    const digits = chromiumNumber(id);
    if (digits === undefined || names.has(id)) continue;
    const number = String(names.size + 1).padStart(digits.length, '0');
    if (number.length !== digits.length) return new Map();
    names.set(id, pdfText(`node${number}`));
  }
  return names;
}

/** The digits of a Chromium ID, `node` and digits alone; undefined for any other. */
function chromiumNumber(id: string): string | undefined {
  if (!id.startsWith('node') || id.length === 4) return undefined;
  for (let i = 4; i < id.length; i++) if (id[i]! < '0' || id[i]! > '9') return undefined;
  return id.slice(4);
}

/** An element's attribute objects (/A: one, or an array with revision numbers between), references followed. */
function attributeObjects(file: PdfFile, value: PdfValue): PdfDict[] {
  const items = isArray(value) ? value : [value];
  return items.map((item) => file.dict(item)).filter((dict): dict is PdfDict => dict !== undefined);
}

/** The IDs a table attribute object's /Headers cites. */
function headersOf(attributes: PdfDict): string[] {
  const headers = attributes.get('Headers');
  if (nameAt(attributes, 'O') !== 'Table' || headers === undefined || !isArray(headers)) return [];
  return headers.filter(isString).map(decodeText);
}

/**
 * The object with its IDs renamed, where it is a structure element (its /ID, the /Headers of the
 * attribute objects written in its /A) or a table attribute object of its own; undefined where
 * nothing changes.
 */
export function renameIds(value: PdfValue, names: IdNames): PdfDict | undefined {
  if (names.size === 0 || !isDict(value)) return undefined;
  if (isStructElem(value)) {
    const id = value.get('ID');
    const name = id !== undefined && isString(id) ? names.get(decodeText(id)) : undefined;
    const attributes = value.get('A');
    const renamed = attributes === undefined ? undefined : renameAttributes(attributes, names);
    if (!name && !renamed) return undefined;
    const element = copyDict(value);
    if (name) element.set('ID', name);
    if (renamed) element.set('A', renamed);
    return element;
  }
  return renameHeaders(value, names);
}

function renameAttributes(value: PdfValue, names: IdNames): PdfValue | undefined {
  if (isDict(value)) return renameHeaders(value, names);
  if (!isArray(value)) return undefined;
  const renamed = value.map((item) => (isDict(item) ? renameHeaders(item, names) : undefined));
  return renamed.some((item) => item !== undefined) ? value.map((item, i) => renamed[i] ?? item) : undefined;
}

/** A table attribute object with the IDs of its /Headers renamed; undefined where none is. */
function renameHeaders(attributes: PdfDict, names: IdNames): PdfDict | undefined {
  const headers = attributes.get('Headers');
  if (nameAt(attributes, 'O') !== 'Table' || headers === undefined || !isArray(headers)) return undefined;
  const renamed = renameStrings(headers, names);
  if (!renamed) return undefined;
  const copy = copyDict(attributes);
  copy.set('Headers', renamed);
  return copy;
}

/** A node of the ID tree with its keys and /Limits renamed; undefined where none is. */
export function renameIdTreeNode(node: PdfDict, names: IdNames): PdfDict | undefined {
  const pairs = node.get('Names');
  const limits = node.get('Limits');
  const keys = pairs !== undefined && isArray(pairs) ? renameStrings(pairs, names, 2) : undefined;
  const bounds = limits !== undefined && isArray(limits) ? renameStrings(limits, names) : undefined;
  if (!keys && !bounds) return undefined;
  const copy = copyDict(node);
  if (keys) copy.set('Names', keys);
  if (bounds) copy.set('Limits', bounds);
  return copy;
}

/** The array with its strings (every `step`th item from the first) renamed; undefined where none is. */
function renameStrings(items: PdfValue[], names: IdNames, step = 1): PdfValue[] | undefined {
  let out: PdfValue[] | undefined;
  for (let i = 0; i < items.length; i += step) {
    const item = items[i]!;
    const name = isString(item) ? names.get(decodeText(item)) : undefined;
    if (name) (out ??= [...items])[i] = name;
  }
  return out;
}
