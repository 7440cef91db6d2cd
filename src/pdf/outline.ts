// Bookmarks in and out of PDFs with pdf-lib's low-level objects (PDF 32000-1 §12.3.3, document outline).
import type { PDFArray as PdfArray, PDFDict as PdfDict, PDFDocument, PDFRef as PdfRef } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';

const { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } = pdfLib;
type PDFArray = PdfArray;
type PDFDict = PdfDict;
type PDFRef = PdfRef;

/** A bookmark read from a document: where it points, to the point on its page. */
export interface Bookmark {
  title: string;
  pageIndex: number;
  /** The destination's left and top, in PDF units, where the source gave them. */
  left?: number;
  top?: number;
  children: Bookmark[];
}

/** A bookmark to write, pointing at a page of the document being written. */
export interface BookmarkTarget {
  title: string;
  page: PDFRef;
  left?: number;
  top?: number;
  /** Closed items show their children only when opened. */
  closed?: boolean;
  children: BookmarkTarget[];
}

const N = {
  Outlines: PDFName.of('Outlines'),
  First: PDFName.of('First'),
  Last: PDFName.of('Last'),
  Next: PDFName.of('Next'),
  Prev: PDFName.of('Prev'),
  Parent: PDFName.of('Parent'),
  Count: PDFName.of('Count'),
  Title: PDFName.of('Title'),
  Dest: PDFName.of('Dest'),
  A: PDFName.of('A'),
  D: PDFName.of('D'),
  Type: PDFName.of('Type'),
  PageMode: PDFName.of('PageMode'),
} as const;

/** The outline of a PDF as Chromium wrote it (direct /Dest arrays, or GoTo actions). */
export function readOutline(pdf: PDFDocument): Bookmark[] {
  const pageIndex = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i]));
  const root = pdf.catalog.lookupMaybe(N.Outlines, PDFDict);
  const seen = new Set<PDFDict>();
  const readLevel = (parent: PDFDict | undefined): Bookmark[] => {
    const items: Bookmark[] = [];
    let node = parent?.lookupMaybe(N.First, PDFDict);
    while (node && !seen.has(node)) {
      seen.add(node);
      const title = node.lookupMaybe(N.Title, PDFString, PDFHexString)?.decodeText() ?? '';
      const dest = node.lookupMaybe(N.Dest, PDFArray) ?? node.lookupMaybe(N.A, PDFDict)?.lookupMaybe(N.D, PDFArray);
      const target = dest?.get(0);
      const index = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined;
      const left = dest?.lookupMaybe(2, PDFNumber)?.asNumber();
      const top = dest?.lookupMaybe(3, PDFNumber)?.asNumber();
      items.push({ title, pageIndex: index ?? 0, left, top, children: readLevel(node) });
      node = node.lookupMaybe(N.Next, PDFDict);
    }
    return items;
  };
  return readLevel(root);
}

/** Writes `items` as the document's outline, replacing any, and opens the bookmarks panel. */
export function writeOutline(pdf: PDFDocument, items: BookmarkTarget[]): void {
  const { context } = pdf;
  const rootRef = context.nextRef();
  const writeLevel = (level: BookmarkTarget[], parentRef: PDFRef): { first?: PDFRef; last?: PDFRef; visible: number } => {
    const refs = level.map(() => context.nextRef());
    let visible = 0;
    level.forEach((item, i) => {
      const ref = refs[i]!;
      const dict = context.obj({}) as PDFDict;
      dict.set(N.Title, PDFHexString.fromText(item.title));
      dict.set(N.Parent, parentRef);
      const prev = refs[i - 1];
      const next = refs[i + 1];
      if (prev) dict.set(N.Prev, prev);
      if (next) dict.set(N.Next, next);
      dict.set(N.Dest, context.obj([item.page, 'XYZ', item.left ?? null, item.top ?? null, null]));
      visible += 1;
      if (item.children.length > 0) {
        const sub = writeLevel(item.children, ref);
        dict.set(N.First, sub.first!);
        dict.set(N.Last, sub.last!);
        // §12.3.3: a negative /Count marks a closed item and gives how many descendants it hides.
        dict.set(N.Count, PDFNumber.of(item.closed ? -sub.visible : sub.visible));
        if (!item.closed) visible += sub.visible;
      }
      context.assign(ref, dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], visible };
  };
  const top = writeLevel(items, rootRef);
  const root = context.obj({ Type: 'Outlines' }) as PDFDict;
  if (top.first && top.last) {
    root.set(N.First, top.first);
    root.set(N.Last, top.last);
    root.set(N.Count, PDFNumber.of(top.visible));
  }
  context.assign(rootRef, root);
  pdf.catalog.set(N.Outlines, rootRef);
  pdf.catalog.set(N.PageMode, PDFName.of('UseOutlines'));
}
