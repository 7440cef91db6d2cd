// output/briefing-pack.pdf (issue 4 item 5, issue 14): a cover, a table of contents with the
// right page numbers, then every PDF in plan order, a bookmark for each with its own headings
// below it. The documents are merged at the level of their objects (pack-part.ts): each keeps its
// structure tree (a Part of the pack's Document), its links, its bookmarks and its attached
// files, and the pack is a PDF/UA-1 file like them (pack-objects.ts writes what is its own);
// nothing is parsed that is not needed, and stream data is copied as it is. It is one book (issues
// 18, 19): one font program per font, every page numbered as the contents and page labels number it.
import type { PdfMetadata, SubjectKind } from '../contracts/document.js';
import { OutputError } from '../errors.js';
import { countPages } from './count-pages.js';
import { normalisePdf } from './normalise-pdf.js';
import { writePackObjects, type PackedPart } from './pack-objects.js';
import { PackFonts } from './pack-fonts.js';
import { stampPages, StampTargets } from './pack-stamps.js';
import { copyPart, type CopiedPart, type PackTargets, type PartNames } from './pack-part.js';
import { PdfFile } from './pdf-file.js';
import { PdfWriter } from './pdf-writer.js';

/** The pack's own words (see PackAssembler.finish). */
export interface PackWords {
  contents: string;
  pageNumber?: string;
  contentsLink?: string;
}

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

/** The front matter as printed and post-processed, and its page count. */
export interface FrontMatter {
  bytes: Uint8Array;
  pages: number;
}

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
  readonly #writer = new PdfWriter();
  readonly #targets: PackTargets = {
    pagesRoot: this.#writer.allocate(),
    document: this.#writer.allocate(),
    fonts: new PackFonts(this.#writer),
    stamps: new StampTargets(() => this.#writer.allocate()),
  };
  readonly #parts: Array<{ part: PackPart; copied?: CopiedPart }> = [];
  #nextKey = 0;
  #merged: Promise<void> = Promise.resolve();

  /** Queues a part; its bytes are read with part.read() unless given. */
  add(part: PackPart, bytes?: Uint8Array): void {
    const entry: { part: PackPart; copied?: CopiedPart } = { part };
    // Numbered by place, not by when its copy runs, so that the pack's bytes do not depend on timing.
    const index = this.#parts.push(entry);
    this.#merged = this.#merged.then(async () => {
      entry.copied = this.#copy(await openPdf(bytes ?? (await part.read())), part.pages, { index, label: part.key, title: part.title });
    });
    // A failure is reported by finish(); until then it must not surface as unhandled.
    this.#merged.catch(() => {});
  }

  #copy(file: PdfFile, pages: number, names: PartNames): CopiedPart {
    const count = file.pages().pages.length;
    if (count !== pages) throw new OutputError(`${names.label}: the file has ${count} pages, the manifest ${pages}; run with --force`);
    const copied = copyPart(file, this.#writer, this.#targets, this.#nextKey, names);
    this.#nextKey = copied.nextKey;
    return copied;
  }

  /**
   * Puts the front matter, printed already, first, and writes the pack once every part is merged:
   * `contents` names the contents' bookmark, `pageNumber` words each page's number ({page}),
   * `contentsLink` what a contents entry's link does ({title}).
   */
  async finish(front: FrontMatter, metadata: PdfMetadata, words: PackWords): Promise<AssembledPack> {
    await this.#merged;
    const parts: PackedPart[] = this.#parts.map(({ part, copied }) => ({ key: part.key, title: part.title, copied: copied! }));
    // A contents entry names a page of the pack: its part's page, after the front matter's.
    const partPages = parts.flatMap(({ title, copied }) => copied.pages.map((page) => ({ page, title })));
    const links = { target: (page: number) => partPages[page - 1 - front.pages], words: words.contentsLink ?? 'Go to {title}' };
    const frontPart = this.#copy(await openPdf(front.bytes), front.pages, { index: 0, label: 'the front matter', title: metadata.title, links });
    const { fonts, stamps } = this.#targets;
    fonts.write();
    const all = [frontPart, ...parts.map((p) => p.copied)];
    stampPages(this.#writer, stamps, all.flatMap((c) => c.stamps), words.pageNumber ?? '{page}', (texts) => fonts.fontFor(texts), () => fonts.anyFont());
    const bytes = writePackObjects(this.#writer, this.#targets, { front: frontPart, parts, nextKey: this.#nextKey }, metadata, words);
    return {
      bytes,
      pages: frontPart.pages.length + parts.reduce((sum, p) => sum + p.copied.pages.length, 0),
      frontPages: frontPart.pages.length,
      startPages: numberParts(
        this.#parts.map(({ part }) => part),
        frontPart.pages.length,
      ),
    };
  }
}

/** A PDF to copy from; one of another shape is first saved again in the shape this reads. */
async function openPdf(bytes: Uint8Array): Promise<PdfFile> {
  const file = PdfFile.read(bytes) ?? PdfFile.read(await normalisePdf(bytes));
  if (!file) throw new OutputError('a PDF of the pack could not be read');
  return file;
}

/**
 * Prints the front matter until the page count it was numbered for is the count it came out at
 * (a longer contents pushes every document on; three tries settle any real case).
 */
export async function printFrontMatter(printFront: PrintFrontMatter): Promise<FrontMatter> {
  let guess = 2;
  for (let attempt = 0; ; attempt++) {
    const bytes = await printFront(guess);
    const pages = countPages(bytes);
    if (pages === guess || attempt >= 3) return { bytes, pages };
    guess = pages;
  }
}
