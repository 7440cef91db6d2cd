// One document copied into the pack, object by object (issue 14): every object renumbered
// (references rewritten in dictionaries and arrays, never in stream data), its catalog, page-tree
// nodes, structure tree root, parent and ID trees, outline, named destinations, metadata and file
// specifications left out, since the pack writes its own from what is read here. Its top
// structure element becomes a Part of the pack's Document, its parent-tree keys move up by the
// keys of the parts before it, IDs and destinations are made unique, and links point at explicit
// destinations, so that each still jumps to its own document's page.
import { OutputError } from '../errors.js';
import type { PdfFile } from './pdf-file.js';
import { decodeText, get, isArray, isDict, isName, isNumber, isRef, isString, mapReferences, parseText, pdfText, PdfString, writeValue, type PdfDict, type PdfValue } from './pdf-syntax.js';
import type { PdfWriter } from './pdf-writer.js';
import { readNameTree, readNumberTree, readOutlineItems, type OutlineItem } from './pdf-trees.js';

/** Where the pack's own objects are, for the parts to point at. */
export interface PackTargets {
  pagesRoot: number;
  document: number;
}

/** What the pack needs to know of a part once its objects are written. */
export interface CopiedPart {
  /** Its pages, in order, by their numbers in the pack. */
  pages: number[];
  /** Its Part structure element. */
  part: number;
  /** Its parent-tree entries, keys already moved up, values as text. */
  parentTree: Array<[number, string]>;
  /** The keys it takes: the next part's start from here. */
  nextKey: number;
  /** Its structure element IDs: (token, element as text). */
  ids: Array<[string, string]>;
  roleMap: PdfDict;
  /** Its bookmarks, pointing into the pack. */
  outline: OutlineItem[];
  /** Its embedded files: the stream that holds each and the number its new file specification must take. */
  files: PartFile[];
}

/** An embedded file of a part, with what its file specification said. */
export interface PartFile {
  name: string;
  stream: number;
  filespec: number;
  description: string;
  relationship: string;
}

/**
 * Writes the part's objects into the pack's writer. `keyBase` is the first parent-tree key it may
 * use; `index` makes its IDs unique; `label` names it in errors.
 */
export function copyPart(file: PdfFile, writer: PdfWriter, targets: PackTargets, keyBase: number, index: number, label: string, title: string): CopiedPart {
  const catalog = file.catalog;
  const drop = new Set<number>([file.root.num]);
  const info = get(file.trailer, 'Info', isRef);
  if (info) drop.add(info.num);
  const { pages, nodes } = file.pages();
  const map = new Map<number, number>(nodes.map((n) => [n, targets.pagesRoot]));
  nodes.forEach((n) => drop.add(n));
  for (const key of ['Metadata', 'Dests', 'Names', 'Outlines'] as const) {
    const ref = catalog.get(key);
    if (ref && isRef(ref)) drop.add(ref.num);
  }

  // Named destinations: links and bookmarks get the explicit destination instead, so that names
  // repeated from one document to the next (every brief has a /note-1) cannot collide.
  const names = file.dict(catalog.get('Names'));
  const dests = new Map<string, PdfValue>();
  for (const [name, value] of file.dict(catalog.get('Dests')) ?? []) dests.set(name, value);
  const nameTree = readNameTree(file, names?.get('Dests'));
  nameTree.nodes.forEach((n) => drop.add(n));
  for (const [key, value] of nameTree.entries) dests.set(decodeText(key), value);
  const explicit = (dest: PdfValue | null): PdfValue | undefined => {
    const named = dest === null ? undefined : isName(dest) ? dest.name : isString(dest) ? decodeText(dest) : undefined;
    const found = named === undefined ? dest : dests.get(named);
    const resolved = found === undefined || found === null ? undefined : file.resolve(found);
    if (resolved && isDict(resolved)) return resolved.get('D');
    return resolved ?? undefined;
  };

  // Embedded files: the streams are copied; their file specifications are written again by the pack.
  const embedded = readNameTree(file, names?.get('EmbeddedFiles'));
  embedded.nodes.forEach((n) => drop.add(n));
  const files: Array<PartFile & { old: number }> = [];
  for (const [key, value] of embedded.entries) {
    const spec = file.dict(value);
    const stream = get(get(spec, 'EF', isDict), 'F', isRef);
    if (!spec || !stream) continue;
    if (isRef(value)) drop.add(value.num);
    const description = get(spec, 'Desc', isString);
    const relationship = get(spec, 'AFRelationship', isName)?.name ?? 'Unspecified';
    files.push({ name: decodeText(key), stream: 0, filespec: 0, description: description ? decodeText(description) : '', relationship, old: stream.num });
  }

  // The structure tree: its root and trees are the pack's to write; the elements are copied.
  const rootRef = get(catalog, 'StructTreeRoot', isRef);
  const structRoot = file.dict(rootRef);
  if (!rootRef || !structRoot) throw new OutputError(`${label}: the PDF has no structure tree; run with --force`);
  drop.add(rootRef.num);
  const parentTree = readNumberTree(file, structRoot.get('ParentTree'));
  const idTree = readNameTree(file, structRoot.get('IDTree'));
  [...parentTree.nodes, ...idTree.nodes].forEach((n) => drop.add(n));
  const kids = structRoot.get('K');
  const top = kids !== undefined && isRef(kids) ? file.dict(kids) : undefined;
  const topIsDocument = top !== undefined && get(top, 'S', isName)?.name === 'Document';
  const outline = readOutlineItems(file, (dest) => explicit(dest));
  outline.nodes.forEach((n) => drop.add(n));

  for (const num of file.numbers()) if (!drop.has(num) && !map.has(num)) map.set(num, writer.allocate());
  const part = topIsDocument ? map.get((kids as { num: number }).num)! : writer.allocate();
  map.set(rootRef.num, topIsDocument ? targets.document : part);
  const to = (num: number): number => {
    const mapped = map.get(num);
    if (mapped === undefined) throw new OutputError(`${label}: object ${num} is referred to but not in the file; run with --force`);
    return mapped;
  };
  const remap = (text: string) => mapReferences(text, to);
  for (const f of files) {
    f.stream = to(f.old);
    f.filespec = writer.allocate();
  }
  // The Part names its document and carries its files (ISO 32000-2, 14.13: associated files).
  const partEntries = `/T ${pdfText(title).raw}${files.length > 0 ? `\n/AF [${files.map((f) => `${f.filespec} 0 R`).join(' ')}]` : ''}`;
  const asPart = (head: string) => head.replace(/\/S\s*\/Document\b/, '/S /Part').replace(/>>\s*$/, `\n${partEntries}>>`);

  const keyCount = get(structRoot, 'ParentTreeNextKey', isNumber) ?? parentTree.entries.reduce((max, [k]) => Math.max(max, k + 1), 0);
  const idName = (raw: string) => pdfText(`p${index}-${decodeText(new PdfString(raw))}`).raw;
  const ids = new Map(idTree.entries.map(([key]) => [key.raw, idName(key.raw)]));
  const topNum = topIsDocument ? (kids as { num: number }).num : -1;

  for (const num of file.numbers()) {
    if (drop.has(num)) continue;
    const body = file.body(num)!;
    let head = body.head;
    if (head.includes('/StructParent')) head = head.replace(/(\/StructParents?\s+)(\d+)/g, (_, key: string, n: string) => `${key}${Number(n) + keyBase}`);
    if (ids.size > 0 && (head.includes('/ID') || head.includes('/Headers'))) head = head.replace(/\((?:[^()\\]|\\.)*\)/g, (token) => ids.get(token) ?? token);
    if (/\/Type\s*\/Annot\b/.test(head) && (head.includes('/Dest') || head.includes('/GoTo'))) head = withExplicitDest(head, explicit);
    head = remap(head);
    // After the renumbering: the Part's own entries name objects of the pack already.
    if (num === topNum) head = asPart(head);
    const data = body.data && file.bytes.subarray(body.data.start, body.data.end);
    writer.write(to(num), { head, ...(data ? { data } : {}) });
  }
  if (!topIsDocument) {
    const list = kids === undefined ? [] : isArray(kids) ? kids : [kids];
    writer.write(part, { head: `<</Type /StructElem\n/S /Part\n/P ${targets.document} 0 R\n/K ${remap(writeValue(list))}\n${partEntries}>>` });
  }

  const mapItems = (items: OutlineItem[]): OutlineItem[] =>
    items.map((item) => ({ ...item, dest: remap(item.dest), ...(item.se ? { se: remap(item.se) } : {}), children: mapItems(item.children) }));
  return {
    pages: pages.map(to),
    part,
    parentTree: parentTree.entries.map(([key, value]) => [key + keyBase, remap(writeValue(value))]),
    nextKey: keyBase + keyCount,
    ids: idTree.entries.map(([key, value]) => [ids.get(key.raw)!, remap(writeValue(value))]),
    roleMap: file.dict(structRoot.get('RoleMap')) ?? new Map(),
    outline: mapItems(outline.items),
    files: files.map(({ old: _old, ...f }) => f),
  };
}

/** A link annotation's named destination (or GoTo action) replaced by the explicit one. */
function withExplicitDest(head: string, explicit: (dest: PdfValue | null) => PdfValue | undefined): string {
  const dict = parseText(head);
  if (!isDict(dict)) return head;
  const dest = dict.get('Dest');
  if (dest !== undefined && !isArray(dest)) {
    const target = explicit(dest);
    if (target) dict.set('Dest', target);
    return writeValue(dict);
  }
  const action = get(dict, 'A', isDict);
  const d = action?.get('D');
  if (action && get(action, 'S', isName)?.name === 'GoTo' && d !== undefined && !isArray(d)) {
    const target = explicit(d);
    if (target) action.set('D', target);
    return writeValue(dict);
  }
  return head;
}
