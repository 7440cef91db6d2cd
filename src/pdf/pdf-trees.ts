// Number trees, name trees (ISO 32000-1, 7.9.6-7.9.7) and the document outline (12.3.3): read out of
// a file, and written as objects, with leaves of a bounded size under one root.
import type { PdfFile } from './pdf-file.js';
import { get, isArray, isDict, isNumber, isRef, isString, writeValue, type PdfString, type PdfValue } from './pdf-syntax.js';
import type { PdfWriter } from './pdf-writer.js';

/** Entries in a leaf: large packs get a root whose kids are leaves of this many. */
const LEAF = 512;

/** A tree's entries, in order, and the objects that made up its nodes. */
export interface TreeRead<K> {
  entries: Array<[K, PdfValue]>;
  nodes: number[];
}

/** A number tree's entries (for a parent tree: key -> structure element or array of them). */
export function readNumberTree(file: PdfFile, root: PdfValue | undefined): TreeRead<number> {
  return readTree(file, root, 'Nums', isNumber);
}

/** A name tree's entries, keys as the string tokens written. */
export function readNameTree(file: PdfFile, root: PdfValue | undefined): TreeRead<PdfString> {
  return readTree(file, root, 'Names', isString);
}

function readTree<K extends PdfValue>(file: PdfFile, root: PdfValue | undefined, key: string, isKey: (v: PdfValue) => v is K): TreeRead<K> {
  const entries: Array<[K, PdfValue]> = [];
  const nodes: number[] = [];
  const seen = new Set<number>();
  const walk = (value: PdfValue | undefined, depth: number) => {
    if (value === undefined || depth > 32) return;
    if (isRef(value)) {
      if (seen.has(value.num)) return;
      seen.add(value.num);
      nodes.push(value.num);
    }
    const node = file.dict(value);
    if (!node) return;
    const pairs = get(node, key, isArray);
    if (pairs) for (let i = 0; i + 1 < pairs.length; i += 2) if (isKey(pairs[i]!)) entries.push([pairs[i] as K, pairs[i + 1]!]);
    for (const kid of get(node, 'Kids', isArray) ?? []) walk(kid, depth + 1);
  };
  walk(root, 0);
  return { entries, nodes };
}

/** Writes a number tree of entries whose values are given as text; returns its root's number. */
export function writeNumberTree(writer: PdfWriter, entries: Array<[number, string]>): number {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  return writeTree(writer, 'Nums', sorted.map(([k, v]) => [String(k), v, k]), (k) => String(k));
}

/** Writes a name tree of (string token, value text) entries, sorted by key; returns its root's number. */
export function writeNameTree(writer: PdfWriter, entries: Array<[string, string]>, keyOrder: (raw: string) => string): number {
  const keyed = entries.map(([k, v]) => ({ k, v, order: keyOrder(k) }));
  keyed.sort((a, b) => compareNames(a.order, b.order));
  return writeTree(writer, 'Names', keyed.map(({ k, v }) => [k, v, k]), (k) => k);
}

function writeTree<S>(writer: PdfWriter, key: string, sorted: Array<[string, string, S]>, limit: (k: S) => string): number {
  const body = (slice: Array<[string, string, S]>) => slice.map(([k, v]) => `${k} ${v}`).join(' ');
  if (sorted.length <= LEAF) {
    const root = writer.allocate();
    writer.write(root, { head: `<</${key} [${body(sorted)}]>>` });
    return root;
  }
  let level: Array<{ num: number; first: S; last: S }> = [];
  for (let i = 0; i < sorted.length; i += LEAF) {
    const slice = sorted.slice(i, i + LEAF);
    const first = slice[0]![2];
    const last = slice.at(-1)![2];
    const num = writer.allocate();
    writer.write(num, { head: `<</Limits [${limit(first)} ${limit(last)}] /${key} [${body(slice)}]>>` });
    level.push({ num, first, last });
  }
  while (level.length > LEAF) {
    const up: typeof level = [];
    for (let i = 0; i < level.length; i += LEAF) {
      const slice = level.slice(i, i + LEAF);
      const num = writer.allocate();
      const first = slice[0]!.first;
      const last = slice.at(-1)!.last;
      writer.write(num, { head: `<</Limits [${limit(first)} ${limit(last)}] /Kids [${slice.map((n) => `${n.num} 0 R`).join(' ')}]>>` });
      up.push({ num, first, last });
    }
    level = up;
  }
  const root = writer.allocate();
  writer.write(root, { head: `<</Kids [${level.map((n) => `${n.num} 0 R`).join(' ')}]>>` });
  return root;
}

/** Name-tree keys are ordered by their bytes (ISO 32000-1, 7.9.6): for the ASCII names written, by character. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A bookmark: its title token, destination and structure element as text, children below it. */
export interface OutlineItem {
  title: string;
  dest: string;
  /** The structure element it stands for (/SE), where known. */
  se?: string;
  closed: boolean;
  children: OutlineItem[];
}

/** The outline of a file: items as written, and every object the outline is made of. */
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
      const node = file.dict(ref)!;
      const action = get(node, 'A', isDict);
      const dest = resolveDest(node.get('Dest') ?? action?.get('D') ?? null);
      const title = node.get('Title');
      const se = node.get('SE');
      items.push({
        title: title && isString(title) ? title.raw : '()',
        dest: dest === undefined ? 'null' : writeValue(dest),
        ...(se && isRef(se) ? { se: writeValue(se) } : {}),
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
  const writeLevel = (level: OutlineItem[], parent: number): { first?: number; last?: number; visible: number } => {
    const nums = level.map(() => writer.allocate());
    let visible = 0;
    level.forEach((item, i) => {
      const entries = [`/Title ${item.title}`, `/Parent ${parent} 0 R`];
      if (i > 0) entries.push(`/Prev ${nums[i - 1]} 0 R`);
      if (i + 1 < nums.length) entries.push(`/Next ${nums[i + 1]} 0 R`);
      entries.push(`/Dest ${item.dest}`);
      if (item.se) entries.push(`/SE ${item.se}`);
      visible += 1;
      if (item.children.length > 0) {
        const sub = writeLevel(item.children, nums[i]!);
        // A negative /Count marks a closed item and says how many items below it it hides.
        entries.push(`/First ${sub.first} 0 R`, `/Last ${sub.last} 0 R`, `/Count ${item.closed ? -sub.visible : sub.visible}`);
        if (!item.closed) visible += sub.visible;
      }
      writer.write(nums[i]!, { head: `<<${entries.join('\n')}>>` });
    });
    return { first: nums[0], last: nums.at(-1), visible };
  };
  const top = writeLevel(items, root);
  const entries = ['/Type /Outlines'];
  if (top.first !== undefined) entries.push(`/First ${top.first} 0 R`, `/Last ${top.last} 0 R`, `/Count ${top.visible}`);
  writer.write(root, { head: `<<${entries.join('\n')}>>` });
  return root;
}
