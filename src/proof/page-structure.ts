// What a page's marked content belongs to, from the structure tree (ISO 32000-1, 14.7.4): the
// parent tree maps a page's MCIDs to structure elements; walking up from each, the proof finds
// the block its text is part of (a heading, a paragraph, a list item, a table row).
import { get, isArray, isRef, nameAt, readNumberTree, type PdfDict, type PdfObjects, type PdfValue } from '../pdf/index.js';

/** The block a piece of text belongs to. */
export interface TextBlock {
  /** The element's object number: the same block on two pages has the same id. */
  id: number;
  /** Its structure type: H1-H6, P, LI, TR, Caption... */
  type: string;
  /** The list item or table row it is part of, and the list or table that holds that. */
  item?: { id: number; type: string; group: number };
}

/** Types of element a line of text is part of, the innermost counting. */
const PARAGRAPHS = new Set(['H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'Caption', 'TOCI', 'Lbl', 'LBody', 'BlockQuote', 'Note', 'TD', 'TH']);
const ITEMS = new Set(['LI', 'TR']);
/** Types of element that sit inside a line: text in one belongs to the element around it. */
const INLINE = new Set(['Span', 'NonStruct', 'Link', 'Reference', 'Quote', 'Code', 'Em', 'Strong', 'Annot', 'Ruby', 'Warichu', 'BibEntry']);

/** Reads the structure of a file once; then gives each page's MCID -> block. */
export function readStructure(file: PdfObjects): (page: PdfDict) => Map<number, TextBlock> {
  const root = file.dict(file.catalog.get('StructTreeRoot'));
  const parents = new Map<number, PdfValue>(readNumberTree(file, root?.get('ParentTree')).entries);
  const blocks = new Map<number, TextBlock | undefined>();
  const blockOf = (num: number): TextBlock | undefined => {
    if (blocks.has(num)) return blocks.get(num);
    const block = findBlock(file, num);
    blocks.set(num, block);
    return block;
  };
  return (page) => {
    const byMcid = new Map<number, TextBlock>();
    const key = page.get('StructParents');
    const list = typeof key === 'number' ? file.resolve(parents.get(key)) : undefined;
    if (!list || !isArray(list)) return byMcid;
    list.forEach((ref, mcid) => {
      const block = ref !== null && isRef(ref) ? blockOf(ref.num) : undefined;
      if (block) byMcid.set(mcid, block);
    });
    return byMcid;
  };
}

/** Walks up from an element to the innermost paragraph-like element and the list item or row around it. */
function findBlock(file: PdfObjects, num: number): TextBlock | undefined {
  let block: TextBlock | undefined;
  let current: number | undefined = num;
  for (let depth = 0; current !== undefined && depth < 32; depth++) {
    const element = file.object(current);
    if (!(element instanceof Map)) break;
    const type = nameAt(element, 'S') ?? '';
    const parent = get(element, 'P', isRef)?.num;
    if (!block && PARAGRAPHS.has(type)) block = { id: current, type };
    // Text straight in a Div (a key figure's box) or a section: that element is its block.
    if (!block && !INLINE.has(type) && !ITEMS.has(type)) block = { id: current, type };
    if (ITEMS.has(type) && parent !== undefined) {
      const item = { id: current, type, group: groupOf(file, parent) };
      return block ? { ...block, item } : { id: current, type, item };
    }
    current = parent;
  }
  return block;
}

/** The list or table an item belongs to: a row's table, past its TBody or THead. */
function groupOf(file: PdfObjects, parent: number): number {
  const element = file.object(parent);
  const type = element instanceof Map ? nameAt(element, 'S') : undefined;
  const above = element instanceof Map ? get(element, 'P', isRef)?.num : undefined;
  return (type === 'TBody' || type === 'THead' || type === 'TFoot') && above !== undefined ? above : parent;
}
