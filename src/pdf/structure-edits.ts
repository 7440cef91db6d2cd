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
  /** By page object number, MCIDs given a new parent (an added element): MCID -> its number. */
  moved: Map<number, Map<number, number>>;
  /** Each element's paragraph: the nearest block-level element at or above it (14.8.2.3). */
  blocks: Map<number, number>;
}

/** Structure types that sit inside a paragraph (ILSEs and the grouping Chromium adds): their block is their parent's. */
const INLINE = new Set(['NonStruct', 'Span', 'Link', 'Quote', 'Code', 'Reference', 'Annot', 'BibEntry', 'Formula']);

/** Deeper than any structure tree Chromium writes. */
const MAX_DEPTH = 256;

/** The edits the file's structure tree needs; `allocate` numbers a new object. */
export function editStructure(file: PdfFile, allocate: () => number): StructureEdits {
  const edits: StructureEdits = { changed: new Map(), added: [], artifacts: new Map(), moved: new Map(), blocks: new Map() };
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
  if (edits.artifacts.size > 0 || edits.moved.size > 0) rewriteParentTree(file, root, edits);
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

/** Whether a kid is marked content: an MCID, or a marked-content reference (14.7.4.2). */
const isContent = (kid: PdfValue): boolean => isNumber(kid) || (isDict(kid) && nameAt(kid, 'Type') === 'MCR');

/**
 * An LI's kids as Lbl and LBody. Content the LI holds itself before its body (a marker drawn
 * inside, `list-style-position: inside`) becomes an Lbl; a lone NonStruct body becomes the LBody;
 * a body of several kids is wrapped in a new LBody.
 */
function bodyOfListItem(file: PdfFile, num: number, item: PdfDict, edits: StructureEdits, allocate: () => number): void {
  const kids = kidsOf(item.get('K'));
  const typeOf = (kid: PdfValue) => (isRef(kid) ? nameAt(file.dict(kid), 'S') : undefined);
  // An annotation (OBJR) held by the LI itself: left as it is.
  if (kids.some((kid) => !isContent(kid) && typeOf(kid) === undefined)) return;
  const firstBody = kids.findIndex((kid) => !isContent(kid) && typeOf(kid) !== 'Lbl');
  const isMarker = (kid: PdfValue, i: number) => isContent(kid) && (firstBody < 0 || i < firstBody);
  const marker = kids.filter(isMarker);
  const labels = kids.filter((kid) => typeOf(kid) === 'Lbl');
  const body = kids.filter((kid, i) => !isMarker(kid, i) && typeOf(kid) !== 'Lbl');
  if (marker.length === 0 && (body.length === 0 || (body.length === 1 && typeOf(body[0]!) === 'LBody'))) return;
  const page = get(item, 'Pg', isRef);
  if (marker.length > 0) labels.unshift(new PdfRef(addElement('Lbl', num, page, marker, edits, allocate)));
  if (body.length === 1 && typeOf(body[0]!) === 'NonStruct') {
    editable(file, (body[0] as PdfRef).num, edits)!.set('S', new PdfName('LBody'));
    labels.push(body[0]!);
  } else if (body.length > 0) {
    const lbody = addElement('LBody', num, page, body, edits, allocate);
    for (const kid of body) if (isRef(kid)) editable(file, kid.num, edits)!.set('P', new PdfRef(lbody));
    labels.push(new PdfRef(lbody));
  }
  editable(file, num, edits)!.set('K', labels);
}

/** A new element of the type under `parent`, holding the kids; the content among them now has it for its parent. */
function addElement(type: string, parent: number, page: PdfRef | undefined, kids: PdfValue[], edits: StructureEdits, allocate: () => number): number {
  const num = allocate();
  const element = new Map<string, PdfValue>([
    ['Type', new PdfName('StructElem')],
    ['S', new PdfName(type)],
    ['P', new PdfRef(parent)],
  ]);
  if (page && kids.some(isNumber)) element.set('Pg', page);
  element.set('K', kids.length === 1 ? kids[0]! : kids);
  edits.added.push([num, element]);
  for (const kid of kids) {
    const on = isNumber(kid) ? page : isDict(kid) ? get(kid, 'Pg', isRef) ?? page : undefined;
    const mcid = isNumber(kid) ? kid : isDict(kid) ? get(kid, 'MCID', isNumber) : undefined;
    if (on && mcid !== undefined) edits.moved.set(on.num, (edits.moved.get(on.num) ?? new Map<number, number>()).set(mcid, num));
  }
  return num;
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

/** The parent tree's arrays with the artifacts' entries emptied (null: no element holds them now) and moved content under its new parent. */
function rewriteParentTree(file: PdfFile, root: PdfDict, edits: StructureEdits): void {
  const entries = new Map(readNumberTree(file, root.get('ParentTree')).entries);
  for (const page of new Set([...edits.artifacts.keys(), ...edits.moved.keys()])) {
    const key = get(file.dict(new PdfRef(page)), 'StructParents', isNumber);
    const array = key === undefined ? undefined : entries.get(key);
    if (array === undefined || !isRef(array)) continue;
    const read = file.resolve(array);
    if (read === undefined || !isArray(read)) continue;
    const [gone, moved] = [edits.artifacts.get(page), edits.moved.get(page)];
    edits.changed.set(
      array.num,
      read.map((value, mcid) => {
        const holder = moved?.get(mcid);
        return gone?.has(mcid) ? null : holder !== undefined ? new PdfRef(holder) : value;
      }),
    );
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
