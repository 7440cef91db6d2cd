// One document copied into the pack, object by object (issue 14): every object renumbered and
// edited as a value (part-edits.ts), stream data copied as it is; what the pack writes its own of
// is left out (part-contents.ts). Its top structure element becomes a Part of the pack's
// Document, its parent-tree keys move up by the keys of the parts before it, IDs and
// destinations are made unique, and links point at explicit destinations, so that each still
// jumps to its own document's page. Its fonts give way to the pack's merged ones (pack-fonts.ts),
// each page gets the pack's number (pack-stamps.ts), and the front matter's contents their links
// (pack-links.ts).
import { OutputError } from '../errors.js';
import type { PdfFile } from './pdf-file.js';
import { copyDict, get, isArray, isNumber, isRef, PdfName, PdfRef, type PdfDict, type PdfString, type PdfValue } from './pdf-objects.js';
import type { OutlineItem } from './pdf-outline.js';
import { decodeText, pdfText } from './pdf-text.js';
import type { PdfWriter } from './pdf-writer.js';
import type { PackFonts } from './pack-fonts.js';
import { asPackLink, type PackPageTarget } from './pack-links.js';
import { mediaBox, stampPage, type PageStamp, type StampTargets } from './pack-stamps.js';
import { readPartContents, type PartContents } from './part-contents.js';
import { editPartObject, refsMove, renumber, type PartEdit } from './part-edits.js';

/** Where the pack's own objects are, for the parts to point at, and the fonts the parts share. */
export interface PackTargets {
  pagesRoot: number;
  document: number;
  fonts: PackFonts;
  stamps: StampTargets;
}

/** What the pack needs to know of a part once its objects are written. */
export interface CopiedPart {
  /** Its pages, in order, by their numbers in the pack. */
  pages: number[];
  /** Its Part structure element. */
  part: number;
  /** Its parent-tree entries, keys already moved up. */
  parentTree: Array<[number, PdfValue]>;
  /** The keys it takes: the next part's start from here. */
  nextKey: number;
  /** Its structure element IDs, renamed apart, and the element each names. */
  ids: Array<[PdfString, PdfValue]>;
  roleMap: PdfDict;
  /** Its bookmarks, pointing into the pack. */
  outline: OutlineItem[];
  /** Its embedded files: the stream that holds each and the number its new file specification must take. */
  files: PartFile[];
  /** Its pages' number stamps, in page order (a page whose resources are not its own has none). */
  stamps: Array<PageStamp | undefined>;
}

/** An embedded file of a part, with what its file specification said. */
export interface PartFile {
  name: string;
  stream: number;
  filespec: number;
  description: string;
  relationship: string;
}

/** What a part is called in the pack: `index` makes its IDs unique, `label` names it in errors, `title` is its Part's /T; `links`, for the front matter, the pages its contents link to. */
export interface PartNames {
  index: number;
  label: string;
  title: string;
  links?: { target: (page: number) => PackPageTarget | undefined; words: string };
}

/** Writes the part's objects into the pack's writer; `keyBase` is the first parent-tree key it may use. */
export function copyPart(file: PdfFile, writer: PdfWriter, targets: PackTargets, keyBase: number, names: PartNames): CopiedPart {
  const contents = readPartContents(file, names.label);
  const fonts = adoptFonts(file, contents, targets.fonts);
  const { to, part } = numberObjects(file, writer, targets, contents, fonts, names.label);
  const files = contents.files.map(({ stream, ...f }) => ({ ...f, stream: to(stream), filespec: writer.allocate() }));
  // The Part names its document and carries its files (ISO 32000-2, 14.13: associated files).
  const partEntries = new Map<string, PdfValue>([['T', pdfText(names.title)]]);
  if (files.length > 0) partEntries.set('AF', files.map((f) => new PdfRef(f.filespec)));
  const ids = new Map(contents.idTree.entries.map(([key]) => [decodeText(key), pdfText(`p${names.index}-${decodeText(key)}`)]));
  const edit: PartEdit = { to, keyBase, ids, explicit: contents.explicit };

  const pages = new Set(contents.pages);
  const stamps = new Map<number, PageStamp>();
  for (const num of file.numbers()) {
    if (contents.drop.has(num)) continue;
    const object = file.get(num)!;
    const value = editPartObject(object.value, edit);
    // Renumbered first: the Part's own entries, a stamped page's and a contents link's name objects of the pack already.
    const own = num === contents.topDocument ? asPart(renumber(value, to), partEntries) : pages.has(num) ? stamped(value, to, targets, writer, stamps, num) : names.links && asPackLink(renumber(value, to), names.links.target, names.links.words);
    if (own) writer.write(to(num), own, object.data);
    else if (value !== object.value || refsMove(value, to)) writer.writeRenumbered(to(num), value, to, object.data);
    else writer.copy(to(num), object.raw, object.data);
  }
  if (contents.topDocument === undefined) {
    const kids = contents.structRoot.dict.get('K');
    const list = kids === undefined ? [] : isArray(kids) ? kids : [kids];
    const element = new Map<string, PdfValue>([
      ['Type', new PdfName('StructElem')],
      ['S', new PdfName('Part')],
      ['P', new PdfRef(targets.document)],
      ['K', renumber(list, to)],
    ]);
    writer.write(part, new Map([...element, ...partEntries]));
  }

  const keyCount = get(contents.structRoot.dict, 'ParentTreeNextKey', isNumber) ?? contents.parentTree.entries.reduce((max, [k]) => Math.max(max, k + 1), 0);
  return {
    pages: contents.pages.map(to),
    part,
    parentTree: contents.parentTree.entries.map(([key, value]) => [key + keyBase, renumber(value, to)]),
    nextKey: keyBase + keyCount,
    ids: contents.idTree.entries.map(([key, value]) => [ids.get(decodeText(key))!, renumber(value, to)]),
    roleMap: file.dict(contents.structRoot.dict.get('RoleMap')) ?? new Map(),
    outline: renumberOutline(contents.outline, to),
    files,
    stamps: contents.pages.map((page) => stamps.get(page)),
  };
}

/** The page with its number's stamp (pack-stamps.ts), and the stamp noted; undefined where it cannot have one. */
function stamped(value: PdfValue, to: (num: number) => number, targets: PackTargets, writer: PdfWriter, stamps: Map<number, PageStamp>, num: number): PdfDict | undefined {
  const made = stampPage(renumber(value, to), targets.stamps, () => writer.allocate());
  if (made) stamps.set(num, { stream: made.stream, box: mediaBox(value) });
  return made?.page;
}

/**
 * Numbers every object copied, in the part's order, after the pack's objects so far; page-tree
 * nodes become the pack's page tree and the structure tree root its Document (or the new Part).
 */
function numberObjects(file: PdfFile, writer: PdfWriter, targets: PackTargets, contents: PartContents, fonts: Map<number, number>, label: string): { to: (num: number) => number; part: number } {
  const map = new Map<number, number>(contents.pageNodes.map((n) => [n, targets.pagesRoot]));
  for (const [num, font] of fonts) map.set(num, font);
  for (const num of file.numbers()) if (!contents.drop.has(num) && !map.has(num)) map.set(num, writer.allocate());
  const part = contents.topDocument === undefined ? writer.allocate() : map.get(contents.topDocument)!;
  map.set(contents.structRoot.num, contents.topDocument === undefined ? part : targets.document);
  const to = (num: number): number => {
    const mapped = map.get(num);
    if (mapped === undefined) throw new OutputError(`${label}: object ${num} is referred to but not in the file; run with --force`);
    return mapped;
  };
  return { to, part };
}

/**
 * The part's fonts that the pack's shared fonts take the place of (pack-fonts.ts): each Type0 font
 * a page or its XObjects use, by its number, with the pack font's; what they replace is not copied.
 */
function adoptFonts(file: PdfFile, contents: PartContents, fonts: PackFonts): Map<number, number> {
  const adopted = new Map<number, number>();
  const resources = contents.pages.map((page) => file.dict(file.dict(new PdfRef(page))?.get('Resources')));
  for (const xobjects of resources.map((r) => file.dict(r?.get('XObject')))) {
    for (const ref of xobjects?.values() ?? []) resources.push(file.dict(file.dict(ref)?.get('Resources')));
  }
  for (const r of resources) {
    for (const ref of file.dict(r?.get('Font'))?.values() ?? []) {
      if (!isRef(ref) || adopted.has(ref.num)) continue;
      const shared = fonts.adopt(file, ref.num);
      if (!shared) continue;
      adopted.set(ref.num, shared.font);
      shared.replaced.forEach((n) => contents.drop.add(n));
    }
  }
  return adopted;
}

/** The top Document element made the part's Part, with its title and files. */
function asPart(value: PdfValue, entries: Map<string, PdfValue>): PdfValue {
  if (!(value instanceof Map)) return value;
  const part = copyDict(value);
  part.set('S', new PdfName('Part'));
  for (const [key, entry] of entries) part.set(key, entry);
  return part;
}

function renumberOutline(items: OutlineItem[], to: (num: number) => number): OutlineItem[] {
  return items.map((item) => ({
    ...item,
    dest: renumber(item.dest, to),
    ...(item.se ? { se: renumber(item.se, to) as PdfRef } : {}),
    children: renumberOutline(item.children, to),
  }));
}
