// The objects a pack writes of its own once every part is copied (issue 14): its page tree, its
// Document structure element over the parts' Part elements, the structure tree root with its
// parent tree, ID tree and role map, the outline, the parts' file specifications, metadata,
// document information and catalog; then the cross-reference table.
import type { PdfMetadata } from '../contracts/document.js';
import { infoDict, writeMetadataStream } from './document-info.js';
import { filespecDict } from './embedded-files.js';
import type { CopiedPart, PackTargets } from './pack-part.js';
import { PdfName, PdfRef, type PdfDict, type PdfString, type PdfValue } from './pdf-objects.js';
import { writeOutlineItems, type OutlineItem } from './pdf-outline.js';
import { pdfText } from './pdf-text.js';
import { writeNameTree, writeNumberTree } from './pdf-trees.js';
import type { PdfWriter } from './pdf-writer.js';

/** A document of the pack once copied, with its key and title. */
export interface PackedPart {
  key: string;
  title: string;
  copied: CopiedPart;
}

/** Everything copied: the front matter, the documents in order, and the parent-tree keys they took. */
export interface PackCopied {
  front: CopiedPart;
  parts: PackedPart[];
  nextKey: number;
}

/** Writes the pack's own objects and finishes the file; returns its bytes. */
export function writePackObjects(w: PdfWriter, targets: PackTargets, copied: PackCopied, metadata: PdfMetadata, words: { contents: string }): Uint8Array {
  const all = [copied.front, ...copied.parts.map((p) => p.copied)];
  const pages = all.flatMap((c) => c.pages).map((num) => new PdfRef(num));
  w.write(targets.pagesRoot, entries(['Type', new PdfName('Pages')], ['Kids', pages], ['Count', pages.length]));
  const structRoot = writeStructure(w, targets, copied, metadata.language);
  const outlines = writeOutlineItems(w, bookmarksOf(copied, words.contents));
  const files = writeFilespecs(w, copied.parts);
  const embedded = files.length > 0 ? writeNameTree(w, files) : undefined;
  const metadataNum = writeMetadataStream(w, metadata);
  const info = w.allocate();
  w.write(info, infoDict(metadata));
  const catalog = w.allocate();
  const dict = entries(
    ['Type', new PdfName('Catalog')],
    ['Pages', new PdfRef(targets.pagesRoot)],
    ['StructTreeRoot', new PdfRef(structRoot)],
    ['MarkInfo', entries(['Marked', true])],
    ['Lang', pdfText(metadata.language)],
    ['ViewerPreferences', entries(['DisplayDocTitle', true])],
    ['PageMode', new PdfName('UseOutlines')],
    // Pages labelled 1, 2, 3... from the cover (12.4.2): the numbers the contents give and every page shows.
    ['PageLabels', entries(['Nums', [0, entries(['S', new PdfName('D')])]])],
    ['Outlines', new PdfRef(outlines)],
    ['Metadata', new PdfRef(metadataNum)],
  );
  if (embedded !== undefined) {
    dict.set('Names', entries(['EmbeddedFiles', new PdfRef(embedded)]));
    dict.set('AF', files.map(([, ref]) => ref));
  }
  w.write(catalog, dict);
  return w.finish({ root: catalog, info });
}

const entries = (...pairs: Array<[string, PdfValue]>): PdfDict => new Map(pairs);

/** The Document element over every part's Part, and the structure tree root; returns the root's number. */
function writeStructure(w: PdfWriter, targets: PackTargets, copied: PackCopied, language: string): number {
  const all = [copied.front, ...copied.parts.map((p) => p.copied)];
  const structRoot = w.allocate();
  w.write(
    targets.document,
    entries(
      ['Type', new PdfName('StructElem')],
      ['S', new PdfName('Document')],
      ['Lang', pdfText(language)],
      ['P', new PdfRef(structRoot)],
      ['K', all.map((c) => new PdfRef(c.part))],
    ),
  );
  const parentTree = writeNumberTree(
    w,
    all.flatMap((c) => c.parentTree),
  );
  const ids = all.flatMap((c) => c.ids);
  const idTree = ids.length > 0 ? writeNameTree(w, ids) : undefined;
  const roleMap: PdfDict = new Map(all.flatMap((c) => [...c.roleMap]));
  const root = entries(
    ['Type', new PdfName('StructTreeRoot')],
    ['K', new PdfRef(targets.document)],
    ['ParentTree', new PdfRef(parentTree)],
    ['ParentTreeNextKey', copied.nextKey],
  );
  if (idTree !== undefined) root.set('IDTree', new PdfRef(idTree));
  if (roleMap.size > 0) root.set('RoleMap', roleMap);
  w.write(structRoot, root);
  return structRoot;
}

/** Each document a closed bookmark on its first page, its own headings below it; the contents first. */
function bookmarksOf(copied: PackCopied, contents: string): OutlineItem[] {
  // The whole page in view (12.3.2.2): an /XYZ with no place keeps whatever zoom and place the reader had.
  const place = (page: number): PdfValue => [new PdfRef(page), new PdfName('Fit')];
  const front = copied.front.pages;
  const items: OutlineItem[] = front.length > 1 ? [{ title: pdfText(contents), dest: place(front[1]!), closed: true, children: [] }] : [];
  for (const { title, copied: part } of copied.parts) {
    items.push({ title: pdfText(title), dest: place(part.pages[0]!), se: new PdfRef(part.part), closed: true, children: part.outline });
  }
  return items;
}

/** Each document's facts.json, named after the document so that none overwrites another. */
function writeFilespecs(w: PdfWriter, parts: PackedPart[]): Array<[PdfString, PdfRef]> {
  const files: Array<[PdfString, PdfRef]> = [];
  for (const { key, copied } of parts) {
    for (const file of copied.files) {
      const name = `${key.replaceAll('/', '-')}-${file.name}`;
      w.write(file.filespec, filespecDict(name, file.description, file.relationship, file.stream));
      files.push([pdfText(name), new PdfRef(file.filespec)]);
    }
  }
  return files;
}
