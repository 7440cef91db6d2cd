// output/briefing-pack.pdf (issue 4 item 5): a cover, a table of contents with the right page
// numbers, then every PDF in plan order, a bookmark for each with its own headings below it.
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { PdfMetadata, SubjectKind } from '../documents/types.js';
import { OutputError } from '../errors.js';
import { readOutline, writeOutline, type Bookmark, type BookmarkTarget } from '../pdf/outline.js';
import { setDocumentInfo } from '../pdf/post-process.js';

/** One document of the pack, read from disk only when its pages are copied. */
export interface PackPart {
  key: string;
  title: string;
  kind: SubjectKind;
  /** Pages as recorded when it was printed; the contents are numbered from these. */
  pages: number;
  read(): Promise<Uint8Array>;
}

/** Prints the front matter, given how many pages it has (the contents' numbers depend on it). */
export type PrintFrontMatter = (frontPages: number) => Promise<Uint8Array>;

export interface AssembledPack {
  bytes: Uint8Array;
  pages: number;
  frontPages: number;
  /** The first page of each part in the pack, from 1, by key. */
  startPages: Map<string, number>;
}

/** The page in the pack where each part starts, from 1, after `frontPages` of front matter. */
export function numberParts(parts: readonly Pick<PackPart, 'key' | 'pages'>[], frontPages: number): Map<string, number> {
  const starts = new Map<string, number>();
  let next = frontPages + 1;
  for (const part of parts) {
    starts.set(part.key, next);
    next += part.pages;
  }
  return starts;
}

export async function assemblePack(parts: PackPart[], printFront: PrintFrontMatter, metadata: PdfMetadata): Promise<AssembledPack> {
  const front = await printUntilStable(printFront);
  const pack = await PDFDocument.create({ updateMetadata: false });
  const frontPages = await pack.copyPages(front, front.getPageIndices());
  frontPages.forEach((page) => pack.addPage(page));
  const bookmarks: BookmarkTarget[] = [];
  if (frontPages.length > 1) bookmarks.push({ title: 'Contents', page: frontPages[1]!.ref, children: [] });

  for (const part of parts) {
    const source = await PDFDocument.load(await part.read(), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    if (source.getPageCount() !== part.pages) {
      throw new OutputError(`${part.key}: the file has ${source.getPageCount()} pages, the manifest ${part.pages}; run with --force`);
    }
    const copied = await pack.copyPages(source, source.getPageIndices());
    copied.forEach((page) => pack.addPage(page));
    const refs = copied.map((page) => page.ref);
    const toTarget = (item: Bookmark): BookmarkTarget => ({
      title: item.title,
      page: refs[item.pageIndex] ?? refs[0]!,
      left: item.left,
      top: item.top,
      closed: true,
      children: item.children.map(toTarget),
    });
    bookmarks.push({ title: part.title, page: refs[0]!, closed: true, children: readOutline(source).map(toTarget) });
  }
  writeOutline(pack, bookmarks);
  setDocumentInfo(pack, metadata);
  // Object streams off: compressing them cost ~15 % of the pack's time for a file ~10 % smaller.
  const bytes = await pack.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { bytes, pages: pack.getPageCount(), frontPages: frontPages.length, startPages: numberParts(parts, frontPages.length) };
}

/**
 * Prints the front matter until the page count it was numbered for is the count it came out at
 * (a longer contents pushes every document on; three tries settle any real case).
 */
async function printUntilStable(printFront: PrintFrontMatter): Promise<PDFDocument> {
  let guess = 2;
  for (let attempt = 0; ; attempt++) {
    const front = await PDFDocument.load(await printFront(guess), { updateMetadata: false });
    const pages = front.getPageCount();
    if (pages === guess || attempt >= 3) return front;
    guess = pages;
  }
}
