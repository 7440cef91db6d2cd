// What the pack reads out of one document before copying it (issue 14): the objects it writes its
// own of (catalog, page-tree nodes, structure tree root, its trees, outline, name trees, file
// specifications), the named destinations, the embedded files and the structure tree's top.
import { OutputError } from '../errors.js';
import type { PdfFile } from './pdf-file.js';
import { get, isDict, isName, isRef, isString, nameAt, type PdfDict, type PdfString, type PdfValue } from './pdf-objects.js';
import { readOutlineItems, type OutlineItem } from './pdf-outline.js';
import { decodeText } from './pdf-text.js';
import { readNameTree, readNumberTree, type TreeRead } from './pdf-trees.js';

/** An embedded file of a part: its name, what its file specification said, and its stream. */
export interface PartFileRead {
  name: string;
  description: string;
  relationship: string;
  /** The embedded file stream's number in the part. */
  stream: number;
}

/** A document as the pack copies it. */
export interface PartContents {
  /** Objects not copied: the pack writes its own in their place. */
  drop: Set<number>;
  pages: number[];
  /** Page-tree nodes: references to them point at the pack's page tree. */
  pageNodes: number[];
  /** A destination made explicit: a named one looked up, an explicit one as it is. */
  explicit: (dest: PdfValue | null) => PdfValue | undefined;
  files: PartFileRead[];
  structRoot: { num: number; dict: PdfDict };
  /** The top structure element, where it is a Document: it becomes the part's Part element. */
  topDocument?: number;
  parentTree: TreeRead<number>;
  idTree: TreeRead<PdfString>;
  outline: OutlineItem[];
}

/** Reads what the pack needs of a document; `label` names it in errors. */
export function readPartContents(file: PdfFile, label: string): PartContents {
  const catalog = file.catalog;
  const drop = new Set<number>([file.root.num]);
  const info = get(file.trailer, 'Info', isRef);
  if (info) drop.add(info.num);
  const { pages, nodes } = file.pages();
  nodes.forEach((n) => drop.add(n));
  for (const key of ['Metadata', 'Dests', 'Names', 'Outlines'] as const) {
    const ref = catalog.get(key);
    if (ref && isRef(ref)) drop.add(ref.num);
  }
  const names = file.dict(catalog.get('Names'));
  const explicit = readDestinations(file, names, drop);
  const files = readFiles(file, names, drop);

  // The structure tree: its root and trees are the pack's to write; the elements are copied.
  const rootRef = get(catalog, 'StructTreeRoot', isRef);
  const structRoot = file.dict(rootRef);
  if (!rootRef || !structRoot) throw new OutputError(`${label}: the PDF has no structure tree; run with --force`);
  drop.add(rootRef.num);
  const parentTree = readNumberTree(file, structRoot.get('ParentTree'));
  const idTree = readNameTree(file, structRoot.get('IDTree'));
  [...parentTree.nodes, ...idTree.nodes].forEach((n) => drop.add(n));
  const kids = structRoot.get('K');
  const topDocument = kids !== undefined && isRef(kids) && nameAt(file.dict(kids), 'S') === 'Document' ? kids.num : undefined;
  const outline = readOutlineItems(file, explicit);
  outline.nodes.forEach((n) => drop.add(n));
  return {
    drop,
    pages,
    pageNodes: nodes,
    explicit,
    files,
    structRoot: { num: rootRef.num, dict: structRoot },
    ...(topDocument === undefined ? {} : { topDocument }),
    parentTree,
    idTree,
    outline: outline.items,
  };
}

/**
 * Named destinations: links and bookmarks get the explicit destination instead, so that names
 * repeated from one document to the next (every brief has a /note-1) cannot collide.
 */
function readDestinations(file: PdfFile, names: PdfDict | undefined, drop: Set<number>): PartContents['explicit'] {
  const dests = new Map<string, PdfValue>();
  for (const [name, value] of file.dict(file.catalog.get('Dests')) ?? []) dests.set(name, value);
  const nameTree = readNameTree(file, names?.get('Dests'));
  nameTree.nodes.forEach((n) => drop.add(n));
  for (const [key, value] of nameTree.entries) dests.set(decodeText(key), value);
  return (dest) => {
    const named = dest === null ? undefined : isName(dest) ? dest.name : isString(dest) ? decodeText(dest) : undefined;
    const found = named === undefined ? dest : dests.get(named);
    const resolved = found === undefined || found === null ? undefined : file.resolve(found);
    if (resolved && isDict(resolved)) return resolved.get('D');
    return resolved ?? undefined;
  };
}

/** Embedded files: the streams are copied; their file specifications are written again by the pack. */
function readFiles(file: PdfFile, names: PdfDict | undefined, drop: Set<number>): PartFileRead[] {
  const embedded = readNameTree(file, names?.get('EmbeddedFiles'));
  embedded.nodes.forEach((n) => drop.add(n));
  const files: PartFileRead[] = [];
  for (const [key, value] of embedded.entries) {
    const spec = file.dict(value);
    const stream = get(get(spec, 'EF', isDict), 'F', isRef);
    if (!spec || !stream) continue;
    if (isRef(value)) drop.add(value.num);
    const description = get(spec, 'Desc', isString);
    const relationship = nameAt(spec, 'AFRelationship') ?? 'Unspecified';
    files.push({ name: decodeText(key), description: description ? decodeText(description) : '', relationship, stream: stream.num });
  }
  return files;
}
