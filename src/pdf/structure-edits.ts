// Lists and tables as PDF/UA-1 wants them (issue 19), edited in the structure tree Chromium wrote:
//   - a list item holds only Lbl and LBody (veraPDF 7.2-20): Chromium tags `LI > Lbl, NonStruct,
//     Link...`; a lone NonStruct body becomes the LBody, several kids are wrapped in a new one;
//   - a table's header row repeated on a later page (Chromium tags the repeat into the same TH, so
//     a reader hears "Programme Programme") is a pagination artifact: its marked content leaves the
//     TH, its entry in the parent tree is emptied, and the page marks it /Artifact (content-remark.ts).
import type { PdfFile } from './pdf-file.js';
import { copyDict, get, isArray, isDict, isNumber, isRef, isStructElem, nameAt, PdfName, PdfRef, type PdfDict, type PdfValue } from './pdf-objects.js';
import { readNumberTree } from './pdf-trees.js';

/** What the structure edits change and add, and the marked content they make artifacts. */
export interface StructureEdits {
  /** Structure elements and parent-tree arrays as edited, by object number. */
  changed: Map<number, PdfValue>;
  /** Objects added: the LBody elements that wrap a list item's body. */
  added: Array<[number, PdfDict]>;
  /** By page object number, the MCIDs that become artifacts. */
  artifacts: Map<number, Set<number>>;
  /** Each element's paragraph: the nearest block-level element at or above it (14.8.2.3). */
  blocks: Map<number, number>;
}

/** Structure types that sit inside a paragraph (ILSEs and the grouping Chromium adds): their block is their parent's. */
const INLINE = new Set(['NonStruct', 'Span', 'Link', 'Quote', 'Code', 'Reference', 'Annot', 'BibEntry', 'Formula']);

/** Deeper than any structure tree Chromium writes. */
const MAX_DEPTH = 256;

/** The edits the file's structure tree needs; `allocate` numbers a new object. */
export function editStructure(file: PdfFile, allocate: () => number): StructureEdits {
  const edits: StructureEdits = { changed: new Map(), added: [], artifacts: new Map(), blocks: new Map() };
  const root = file.dict(file.catalog.get('StructTreeRoot'));
  if (!root) return edits;
  const seen = new Set<number>();
  const visit = (kid: PdfValue | undefined, depth: number, block: number): void => {
    if (kid === undefined || depth > MAX_DEPTH) return;
    if (isArray(kid)) return kid.forEach((k) => visit(k, depth, block));
    if (!isRef(kid) || seen.has(kid.num)) return;
    seen.add(kid.num);
    const element = file.dict(kid);
    if (!element || !isStructElem(element)) return;
    const type = nameAt(element, 'S');
    const own = type !== undefined && INLINE.has(type) && block > 0 ? block : kid.num;
    edits.blocks.set(kid.num, own);
    if (type === 'LI') bodyOfListItem(file, kid.num, element, edits, allocate);
    else if (type === 'Table') repeatedHeaders(file, element, edits);
    visit(element.get('K'), depth + 1, own);
  };
  visit(root.get('K'), 0, 0);
  if (edits.artifacts.size > 0) emptyParentTree(file, root, edits);
  return edits;
}

/** The element's value as edited so far (a copy made on first edit). */
function editable(file: PdfFile, num: number, edits: StructureEdits): PdfDict | undefined {
  const changed = edits.changed.get(num);
  if (changed !== undefined) return isDict(changed) ? changed : undefined;
  const read = file.dict(new PdfRef(num));
  if (!read) return undefined;
  const copy = copyDict(read);
  edits.changed.set(num, copy);
  return copy;
}

const kidsOf = (value: PdfValue | undefined): PdfValue[] => (value === undefined ? [] : isArray(value) ? value : [value]);

/** An LI's kids as Lbl and LBody: a lone NonStruct becomes the LBody, several kids are wrapped in one. */
function bodyOfListItem(file: PdfFile, num: number, item: PdfDict, edits: StructureEdits, allocate: () => number): void {
  const kids = kidsOf(item.get('K'));
  const typeOf = (kid: PdfValue) => (isRef(kid) ? nameAt(file.dict(kid), 'S') : undefined);
  const labels = kids.filter((kid) => typeOf(kid) === 'Lbl');
  const body = kids.filter((kid) => typeOf(kid) !== 'Lbl');
  if (body.length === 0 || (body.length === 1 && typeOf(body[0]!) === 'LBody')) return;
  // Marked content or an annotation held by the LI itself would need its parent-tree entry moved: left as it is.
  if (!body.every((kid) => isRef(kid) && typeOf(kid) !== undefined)) return;
  if (body.length === 1 && typeOf(body[0]!) === 'NonStruct') {
    editable(file, (body[0] as PdfRef).num, edits)!.set('S', new PdfName('LBody'));
    return;
  }
  const lbody = allocate();
  edits.added.push([
    lbody,
    new Map<string, PdfValue>([
      ['Type', new PdfName('StructElem')],
      ['S', new PdfName('LBody')],
      ['P', new PdfRef(num)],
      ['K', body],
    ]),
  ]);
  for (const kid of body) editable(file, (kid as PdfRef).num, edits)!.set('P', new PdfRef(lbody));
  editable(file, num, edits)!.set('K', [...labels, new PdfRef(lbody)]);
}

/** A piece of marked content an element holds: the element that holds it, its page and MCID. */
interface ContentItem {
  holder: number;
  page: number;
  mcid: number;
  /** Its place in the holder's kids. */
  index: number;
}

/**
 * The header rows of a table (the rows of a THead, else a first row of TH cells): content of a
 * header cell on a page after the first page it is on is the repeat Chromium draws on a new page.
 */
function repeatedHeaders(file: PdfFile, table: PdfDict, edits: StructureEdits): void {
  const rows = kidsOf(table.get('K')).flatMap((kid) => {
    const element = file.dict(kid);
    const type = nameAt(element, 'S');
    if (type === 'THead') return kidsOf(element!.get('K'));
    return type === 'TR' ? [kid] : [];
  });
  const head = kidsOf(table.get('K')).some((kid) => nameAt(file.dict(kid), 'S') === 'THead');
  const first = rows[0];
  const headerRows = head ? rows : first !== undefined && kidsOf(file.dict(first)?.get('K')).every((cell) => nameAt(file.dict(cell), 'S') === 'TH') ? [first] : [];
  const pageOrder = new Map(file.pages().pages.map((page, i) => [page, i]));
  for (const row of headerRows) {
    for (const cell of kidsOf(file.dict(row)?.get('K'))) {
      const items = contentOf(file, cell, undefined, 0);
      const firstPage = Math.min(...items.map((item) => pageOrder.get(item.page) ?? Infinity));
      const repeats = items.filter((item) => (pageOrder.get(item.page) ?? Infinity) > firstPage);
      removeRepeats(file, repeats, edits);
    }
  }
}

/** Every piece of marked content under an element, with the page it is on. */
function contentOf(file: PdfFile, kid: PdfValue, page: number | undefined, depth: number): ContentItem[] {
  if (!isRef(kid) || depth > MAX_DEPTH) return [];
  const element = file.dict(kid);
  if (!element || !isStructElem(element)) return [];
  const own = get(element, 'Pg', isRef)?.num ?? page;
  return kidsOf(element.get('K')).flatMap((item, index) => {
    if (isNumber(item)) return own === undefined ? [] : [{ holder: kid.num, page: own, mcid: item, index }];
    const dict = isDict(item) ? item : undefined;
    if (dict && nameAt(dict, 'Type') === 'MCR') {
      const mcid = get(dict, 'MCID', isNumber);
      const on = get(dict, 'Pg', isRef)?.num ?? own;
      return mcid === undefined || on === undefined ? [] : [{ holder: kid.num, page: on, mcid, index }];
    }
    return contentOf(file, item, own, depth + 1);
  });
}

/** Takes the repeats out of the elements that hold them and records them as artifacts of their pages. */
function removeRepeats(file: PdfFile, repeats: ContentItem[], edits: StructureEdits): void {
  const byHolder = new Map<number, Set<number>>();
  for (const item of repeats) {
    byHolder.set(item.holder, (byHolder.get(item.holder) ?? new Set()).add(item.index));
    edits.artifacts.set(item.page, (edits.artifacts.get(item.page) ?? new Set()).add(item.mcid));
  }
  for (const [holder, indices] of byHolder) {
    const element = editable(file, holder, edits)!;
    const kept = kidsOf(element.get('K')).filter((_, i) => !indices.has(i));
    element.set('K', kept.length === 1 ? kept[0]! : kept);
  }
}

/** The parent tree's arrays with the artifacts' entries emptied (null): no element holds them now. */
function emptyParentTree(file: PdfFile, root: PdfDict, edits: StructureEdits): void {
  const entries = new Map(readNumberTree(file, root.get('ParentTree')).entries);
  for (const [page, mcids] of edits.artifacts) {
    const key = get(file.dict(new PdfRef(page)), 'StructParents', isNumber);
    const array = key === undefined ? undefined : entries.get(key);
    if (array === undefined || !isRef(array)) continue;
    const read = edits.changed.get(array.num) ?? file.resolve(array);
    if (read === undefined || !isArray(read)) continue;
    const emptied = read.map((value, mcid) => (mcids.has(mcid) ? null : value));
    edits.changed.set(array.num, emptied);
  }
}

/** The paragraph each MCID of a page belongs to, read through the parent tree (14.7.4.4). */
export function blocksOfPage(file: PdfFile, edits: StructureEdits, page: number): (mcid: number) => number | undefined {
  const parents = parentArray(file, page);
  return (mcid) => {
    const holder = parents?.[mcid];
    return holder !== undefined && isRef(holder) ? edits.blocks.get(holder.num) : undefined;
  };
}

/** The parent tree's entries, read once a file. */
const parentTrees = new WeakMap<PdfFile, Map<number, PdfValue>>();

/** A page's array of the elements that hold its MCIDs. */
function parentArray(file: PdfFile, page: number): PdfValue[] | undefined {
  let entries = parentTrees.get(file);
  if (!entries) {
    entries = new Map(readNumberTree(file, file.dict(file.catalog.get('StructTreeRoot'))?.get('ParentTree')).entries);
    parentTrees.set(file, entries);
  }
  const key = get(file.dict(new PdfRef(page)), 'StructParents', isNumber);
  const array = file.resolve(key === undefined ? undefined : entries.get(key));
  return array !== undefined && isArray(array) ? array : undefined;
}
