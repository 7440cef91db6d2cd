// output/briefing-pack.pdf (issue 4 item 5, issue 14): a cover, a table of contents with the
// right page numbers, then every PDF in plan order, a bookmark for each with its own headings
// below it. The documents are merged at the level of their objects (pack-part.ts): each keeps its
// structure tree (a Part of the pack's Document), its links, its bookmarks and its attached
// files, and the pack is a PDF/UA-1 file like them; nothing is parsed that is not needed, and
// stream data is copied as it is.
import type { PdfMetadata, SubjectKind } from '../contracts/document.js';
import { OutputError } from '../errors.js';
import { countPages } from './count-pages.js';
import { filespecHead } from './embedded-files.js';
import { infoDict } from './finish-pdf.js';
import { copyPart, type CopiedPart, type PackTargets } from './pack-part.js';
import { PdfFile } from './pdf-file.js';
import { decodeText, pdfText, PdfString, writeValue } from './pdf-syntax.js';
import { writeNameTree, writeNumberTree, writeOutlineItems, type OutlineItem } from './pdf-trees.js';
import { PdfWriter, streamHead } from './pdf-writer.js';
import { normalisePdf } from './normalise-pdf.js';
import { xmpPacket } from './xmp.js';

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
  readonly #targets: PackTargets = { pagesRoot: this.#writer.allocate(), document: this.#writer.allocate() };
  readonly #parts: Array<{ part: PackPart; copied?: CopiedPart }> = [];
  #nextKey = 0;
  #merged: Promise<void> = Promise.resolve();

  /** Queues a part; its bytes are read with part.read() unless given. */
  add(part: PackPart, bytes?: Uint8Array): void {
    const entry: { part: PackPart; copied?: CopiedPart } = { part };
    // Numbered by place, not by when its copy runs, so that the pack's bytes do not depend on timing.
    const index = this.#parts.push(entry);
    this.#merged = this.#merged.then(async () => {
      entry.copied = this.#copy(await openPdf(bytes ?? (await part.read())), part.key, part.title, part.pages, index);
    });
    // A failure is reported by finish(); until then it must not surface as unhandled.
    this.#merged.catch(() => {});
  }

  #copy(file: PdfFile, label: string, title: string, pages: number, index: number): CopiedPart {
    const count = file.pages().pages.length;
    if (count !== pages) throw new OutputError(`${label}: the file has ${count} pages, the manifest ${pages}; run with --force`);
    const copied = copyPart(file, this.#writer, this.#targets, this.#nextKey, index, label, title);
    this.#nextKey = copied.nextKey;
    return copied;
  }

  /** Puts the front matter, printed already, first, and writes the pack once every part is merged; `contents` names the contents' bookmark. */
  async finish(front: FrontMatter, metadata: PdfMetadata, words: { contents: string }): Promise<AssembledPack> {
    await this.#merged;
    const parts = this.#parts.map(({ part, copied }) => ({ part, copied: copied! }));
    const frontPart = this.#copy(await openPdf(front.bytes), 'the front matter', metadata.title, front.pages, 0);
    const w = this.#writer;
    const all = [frontPart, ...parts.map((p) => p.copied)];
    const pages = all.flatMap((c) => c.pages);
    w.write(this.#targets.pagesRoot, { head: `<</Type /Pages\n/Kids [${pages.map((p) => `${p} 0 R`).join(' ')}]\n/Count ${pages.length}>>` });

    const structRoot = w.allocate();
    const lang = pdfText(metadata.language).raw;
    w.write(this.#targets.document, {
      head: `<</Type /StructElem\n/S /Document\n/Lang ${lang}\n/P ${structRoot} 0 R\n/K [${all.map((c) => `${c.part} 0 R`).join(' ')}]>>`,
    });
    const parentTree = writeNumberTree(w, all.flatMap((c) => c.parentTree));
    const ids = all.flatMap((c) => c.ids);
    const idTree = ids.length > 0 ? writeNameTree(w, ids, (raw) => decodeText(new PdfString(raw))) : undefined;
    const roleMap = new Map(all.flatMap((c) => [...c.roleMap]));
    w.write(structRoot, {
      head: [
        '<</Type /StructTreeRoot',
        `/K ${this.#targets.document} 0 R`,
        `/ParentTree ${parentTree} 0 R`,
        `/ParentTreeNextKey ${this.#nextKey}`,
        ...(idTree === undefined ? [] : [`/IDTree ${idTree} 0 R`]),
        ...(roleMap.size > 0 ? [`/RoleMap ${writeValue(roleMap)}`] : []),
      ].join('\n') + '>>',
    });

    // Each document a closed bookmark on its first page, its own headings below it, as before.
    const place = (page: number) => `[${page} 0 R /XYZ null null null]`;
    const contents: OutlineItem[] = frontPart.pages.length > 1 ? [{ title: pdfText(words.contents).raw, dest: place(frontPart.pages[1]!), closed: true, children: [] }] : [];
    const bookmarks = parts.map(({ part, copied }) => ({
      title: pdfText(part.title).raw,
      dest: place(copied.pages[0]!),
      se: `${copied.part} 0 R`,
      closed: true,
      children: copied.outline,
    }));
    const outlines = writeOutlineItems(w, [...contents, ...bookmarks]);

    // Each document's facts.json, named after the document so that none overwrites another.
    const files: Array<[string, string]> = [];
    for (const { part, copied } of parts) {
      for (const file of copied.files) {
        const name = `${part.key.replaceAll('/', '-')}-${file.name}`;
        w.write(file.filespec, { head: filespecHead(name, file.description, file.relationship, file.stream) });
        files.push([pdfText(name).raw, `${file.filespec} 0 R`]);
      }
    }
    const embedded = files.length > 0 ? writeNameTree(w, files, (raw) => decodeText(new PdfString(raw))) : undefined;

    const xmp = xmpPacket(metadata);
    const metadataNum = w.allocate();
    w.write(metadataNum, { head: streamHead('/Type /Metadata\n/Subtype /XML', xmp), data: xmp });
    const info = w.allocate();
    w.write(info, { head: writeValue(infoDict(metadata)) });
    const catalog = w.allocate();
    w.write(catalog, {
      head: [
        '<</Type /Catalog',
        `/Pages ${this.#targets.pagesRoot} 0 R`,
        `/StructTreeRoot ${structRoot} 0 R`,
        '/MarkInfo <</Marked true>>',
        `/Lang ${lang}`,
        '/ViewerPreferences <</DisplayDocTitle true>>',
        '/PageMode /UseOutlines',
        `/Outlines ${outlines} 0 R`,
        `/Metadata ${metadataNum} 0 R`,
        ...(embedded === undefined ? [] : [`/Names <</EmbeddedFiles ${embedded} 0 R>>`, `/AF [${files.map(([, ref]) => ref).join(' ')}]`]),
      ].join('\n') + '>>',
    });
    return {
      bytes: w.finish({ root: catalog, info }),
      pages: pages.length,
      frontPages: frontPart.pages.length,
      startPages: numberParts(
        parts.map(({ part }) => part),
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
