// The document outline (ISO 32000-1, 12.3.3): bookmarks read out of a file, item by item through
// /First and /Next, and written as objects with /Prev, /Next, /First, /Last and /Count set.
import type { PdfFile } from './pdf-file.js';
import { get, isDict, isRef, isString, PdfName, PdfRef, PdfString, type PdfDict, type PdfValue } from './pdf-objects.js';
import type { PdfWriter } from './pdf-writer.js';

/** A bookmark: its title, destination and structure element, children below it. */
export interface OutlineItem {
  title: PdfString;
  /** Where it goes; null where its destination could not be found. */
  dest: PdfValue;
  /** The structure element it stands for (/SE), where known. */
  se?: PdfRef;
  closed: boolean;
  children: OutlineItem[];
}

/** The outline of a file: its items, and every object the outline is made of. */
export function readOutlineItems(file: PdfFile, resolveDest: (dest: PdfValue) => PdfValue | undefined): { items: OutlineItem[]; nodes: number[] } {
  const nodes: number[] = [];
  const seen = new Set<number>();
  const root = file.catalog.get('Outlines');
  if (root && isRef(root)) nodes.push(root.num);
  const level = (parent: PdfValue | undefined): OutlineItem[] => {
    const items: OutlineItem[] = [];
    let ref = file.dict(parent)?.get('First');
    while (ref && isRef(ref) && !seen.has(ref.num)) {
      seen.add(ref.num);
      nodes.push(ref.num);
      const node = file.dict(ref) ?? new Map<string, PdfValue>();
      const dest = resolveDest(node.get('Dest') ?? get(node, 'A', isDict)?.get('D') ?? null);
      const title = node.get('Title');
      const se = node.get('SE');
      items.push({
        title: title && isString(title) ? title : new PdfString('()'),
        dest: dest ?? null,
        ...(se && isRef(se) ? { se } : {}),
        closed: true,
        children: level(ref),
      });
      ref = node.get('Next');
    }
    return items;
  };
  return { items: level(root), nodes };
}

/** Writes the outline; returns the number of its root. */
export function writeOutlineItems(writer: PdfWriter, items: OutlineItem[]): number {
  const root = writer.allocate();
  const top = writeLevel(writer, items, root);
  const dict: PdfDict = new Map([['Type', new PdfName('Outlines')]]);
  if (top.first !== undefined) setChildren(dict, top, top.visible);
  writer.write(root, dict);
  return root;
}

interface WrittenLevel {
  first?: number;
  last?: number;
  /** Items shown while the level is open: its own, and those of its open items. */
  visible: number;
}

function writeLevel(writer: PdfWriter, level: OutlineItem[], parent: number): WrittenLevel {
  const nums = level.map(() => writer.allocate());
  let visible = 0;
  level.forEach((item, i) => {
    const dict: PdfDict = new Map<string, PdfValue>([
      ['Title', item.title],
      ['Parent', new PdfRef(parent)],
    ]);
    if (i > 0) dict.set('Prev', new PdfRef(nums[i - 1]!));
    if (i + 1 < nums.length) dict.set('Next', new PdfRef(nums[i + 1]!));
    dict.set('Dest', item.dest);
    if (item.se) dict.set('SE', item.se);
    visible += 1;
    if (item.children.length > 0) {
      const sub = writeLevel(writer, item.children, nums[i]!);
      // A negative /Count marks a closed item and says how many items below it it hides.
      setChildren(dict, sub, item.closed ? -sub.visible : sub.visible);
      if (!item.closed) visible += sub.visible;
    }
    writer.write(nums[i]!, dict);
  });
  return { ...(nums.length > 0 ? { first: nums[0], last: nums.at(-1) } : {}), visible };
}

function setChildren(dict: PdfDict, level: WrittenLevel, count: number): void {
  dict.set('First', new PdfRef(level.first!));
  dict.set('Last', new PdfRef(level.last!));
  dict.set('Count', count);
}
