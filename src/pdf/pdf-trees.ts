// Number trees and name trees (ISO 32000-1, 7.9.6-7.9.7): read out of a file, walking /Kids and
// reading the /Nums or /Names of every node, and written as objects, with leaves of a bounded
// size under one root.
import type { PdfFile } from './pdf-file.js';
import { get, isArray, isNumber, isRef, isString, PdfInlineDict, PdfRef, type PdfString, type PdfValue } from './pdf-objects.js';
import { decodeText } from './pdf-text.js';
import type { PdfWriter } from './pdf-writer.js';

/** Entries in a leaf: large packs get a root whose kids are leaves of this many. */
const LEAF = 512;

/** What a tree is read from: a file, or a finished file's objects (finished-file.ts). */
type TreeSource = Pick<PdfFile, 'dict'>;

/** A tree's entries, in order, and the objects that made up its nodes. */
export interface TreeRead<K> {
  entries: Array<[K, PdfValue]>;
  nodes: number[];
}

/** A number tree's entries (for a parent tree: key -> structure element or array of them). */
export function readNumberTree(file: TreeSource, root: PdfValue | undefined): TreeRead<number> {
  return readTree(file, root, 'Nums', isNumber);
}

/** A name tree's entries, keys as the string tokens written. */
export function readNameTree(file: TreeSource, root: PdfValue | undefined): TreeRead<PdfString> {
  return readTree(file, root, 'Names', isString);
}

function readTree<K extends PdfValue>(file: TreeSource, root: PdfValue | undefined, key: string, isKey: (v: PdfValue) => v is K): TreeRead<K> {
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

/** Writes a number tree, sorted by key; returns its root's number. */
export function writeNumberTree(writer: PdfWriter, entries: Array<[number, PdfValue]>): number {
  return writeTree(writer, 'Nums', [...entries].sort((a, b) => a[0] - b[0]));
}

/** Writes a name tree, sorted by the keys' text; returns its root's number. */
export function writeNameTree(writer: PdfWriter, entries: Array<[PdfString, PdfValue]>): number {
  const keyed = entries.map((entry) => ({ entry, order: decodeText(entry[0]) }));
  keyed.sort((a, b) => compareNames(a.order, b.order));
  return writeTree(writer, 'Names', keyed.map(({ entry }) => entry));
}

/** One node of a tree being written: its number and the first and last keys below it. */
interface WrittenNode {
  num: number;
  first: PdfValue;
  last: PdfValue;
}

function writeTree(writer: PdfWriter, key: 'Nums' | 'Names', sorted: Array<[PdfValue, PdfValue]>): number {
  if (sorted.length <= LEAF) {
    const root = writer.allocate();
    writer.write(root, new PdfInlineDict([[key, sorted.flat()]]));
    return root;
  }
  let level: WrittenNode[] = [];
  for (let i = 0; i < sorted.length; i += LEAF) {
    const slice = sorted.slice(i, i + LEAF);
    level.push(writeNode(writer, slice[0]![0], slice.at(-1)![0], key, slice.flat()));
  }
  while (level.length > LEAF) {
    const up: WrittenNode[] = [];
    for (let i = 0; i < level.length; i += LEAF) {
      const slice = level.slice(i, i + LEAF);
      up.push(writeNode(writer, slice[0]!.first, slice.at(-1)!.last, 'Kids', kidsOf(slice)));
    }
    level = up;
  }
  const root = writer.allocate();
  writer.write(root, new PdfInlineDict([['Kids', kidsOf(level)]]));
  return root;
}

/** An intermediate node or a leaf, with the /Limits of the keys below it. */
function writeNode(writer: PdfWriter, first: PdfValue, last: PdfValue, key: string, items: PdfValue[]): WrittenNode {
  const num = writer.allocate();
  writer.write(
    num,
    new PdfInlineDict([
      ['Limits', [first, last]],
      [key, items],
    ]),
  );
  return { num, first, last };
}

const kidsOf = (nodes: WrittenNode[]): PdfRef[] => nodes.map((node) => new PdfRef(node.num));

/** Name-tree keys are ordered by their bytes (ISO 32000-1, 7.9.6): for the ASCII names written, by character. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
