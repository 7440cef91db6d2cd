// output/briefing-pack.pdf (issue 4 item 5): a cover, a table of contents with the right page
// numbers, then every PDF in plan order, a bookmark for each with its own headings below it.
import type { PDFDocument } from 'pdf-lib';
import type { PdfMetadata, SubjectKind } from '../contracts/document.js';
import { OutputError } from '../errors.js';
import { openLazily } from './lazy-pdf.js';
import { readOutline, writeOutline, type Bookmark, type BookmarkTarget } from './outline.js';
import { pdfLib } from './pdf-lib.js';
import { setDocumentInfo } from './post-process.js';

const { ParseSpeeds } = pdfLib;

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

/**
 * Builds the pack part by part, in the order given: a build feeds it each PDF as soon as it and
 * every one before it are printed, so merging overlaps with printing instead of following it.
 */
export class PackAssembler {
  readonly #pack = pdfLib.PDFDocument.create({ updateMetadata: false });
  readonly #parts: PackPart[] = [];
  readonly #bookmarks: BookmarkTarget[] = [];
  #merged: Promise<void> = Promise.resolve();

  /** Queues a part; its bytes are read with part.read() unless given. */
  add(part: PackPart, bytes?: Uint8Array): void {
    this.#parts.push(part);
    this.#merged = this.#merged.then(() => this.#merge(part, bytes));
    // A failure is reported by finish(); until then it must not surface as unhandled.
    this.#merged.catch(() => {});
  }

  async #merge(part: PackPart, bytes?: Uint8Array): Promise<void> {
    const pack = await this.#pack;
    const file = bytes ?? (await part.read());
    // Only what the pages and bookmarks reach is parsed (lazy-pdf.ts), unless the file is of a shape it does not read.
    const source = openLazily(file) ?? (await pdfLib.PDFDocument.load(file, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
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
    this.#bookmarks.push({ title: part.title, page: refs[0]!, closed: true, children: readOutline(source).map(toTarget) });
  }

  /** Puts the front matter, printed already, first, and saves the pack once every part is merged. */
  async finish(front: PDFDocument, metadata: PdfMetadata): Promise<AssembledPack> {
    await this.#merged;
    return this.#save(front, metadata);
  }

  async #save(front: PDFDocument, metadata: PdfMetadata): Promise<AssembledPack> {
    const pack = await this.#pack;
    const frontPages = await pack.copyPages(front, front.getPageIndices());
    frontPages.forEach((page, i) => pack.insertPage(i, page));
    const contents = frontPages.length > 1 ? [{ title: 'Contents', page: frontPages[1]!.ref, children: [] }] : [];
    writeOutline(pack, [...contents, ...this.#bookmarks]);
    setDocumentInfo(pack, metadata);
    // Object streams off: compressing them cost ~15 % of the pack's time for a file ~10 % smaller.
    const bytes = await pack.save({ useObjectStreams: false, objectsPerTick: Infinity });
    return { bytes, pages: pack.getPageCount(), frontPages: frontPages.length, startPages: numberParts(this.#parts, frontPages.length) };
  }
}

/**
 * Prints the front matter until the page count it was numbered for is the count it came out at
 * (a longer contents pushes every document on; three tries settle any real case).
 */
export async function printFrontMatter(printFront: PrintFrontMatter): Promise<PDFDocument> {
  let guess = 2;
  for (let attempt = 0; ; attempt++) {
    const front = await pdfLib.PDFDocument.load(await printFront(guess), { updateMetadata: false });
    const pages = front.getPageCount();
    if (pages === guess || attempt >= 3) return front;
    guess = pages;
  }
}
