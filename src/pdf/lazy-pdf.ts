// Opening a PDF to copy its pages out (the pack): pdf-lib's load() parses every object of the file
// first, and in a tagged brief most of them are the structure tree (~950 elements), which a copied
// page does not take along. Here each object is parsed from its offset in the cross-reference
// table when it is first looked up, so only what the pages, their resources and the bookmarks
// reach is ever parsed. Files of another shape are left to pdf-lib's own load().
import type { PDFDocument, PDFObject as PdfObject, PDFRef as PdfRef } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';
import { latin1, readXrefSection } from './xref.js';

const { PDFContext, PDFDocument: Document, PDFObjectParser, PDFRef } = pdfLib;

/** More updates than any file the tool writes has (Chromium's, then the document information). */
const MAX_SECTIONS = 16;

/** The document, its objects parsed on demand; undefined where the file is not of a shape this reads. */
export function openLazily(bytes: Uint8Array): PDFDocument | undefined {
  const text = latin1(bytes);
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!start) return undefined;
  const offsets = new Map<number, number>();
  let trailer: string | undefined;
  // The newest section first: an incremental update's entries win over those it replaces.
  let at: number | undefined = Number(start[1]);
  for (let seen = 0; at !== undefined; seen++) {
    const section = seen < MAX_SECTIONS ? readSection(text, at) : undefined;
    if (!section) return undefined;
    for (const [number, offset] of section.offsets) if (!offsets.has(number)) offsets.set(number, offset);
    trailer ??= section.trailer;
    const prev = /\/Prev\s+(\d+)/.exec(section.trailer);
    at = prev ? Number(prev[1]) : undefined;
  }
  if (!trailer || /\/(Encrypt|XRefStm)\b/.test(trailer)) return undefined;
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  if (!root) return undefined;

  const context = PDFContext.create();
  const parser = PDFObjectParser.forBytes(bytes, context) as unknown as { bytes: { moveTo(offset: number): void }; parseObject(): PdfObject };
  const parse = (ref: PdfRef): PdfObject | undefined => {
    const offset = offsets.get(ref.objectNumber);
    if (offset === undefined) return undefined;
    const head = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(text.slice(offset, offset + 40));
    if (!head || Number(head[1]) !== ref.objectNumber) throw new Error(`object ${ref.objectNumber} is not at its recorded offset`);
    parser.bytes.moveTo(offset + head[0].length);
    return parser.parseObject();
  };
  // pdf-lib looks every object up in this map: filled on first lookup instead of up front.
  Object.defineProperty(context, 'indirectObjects', { value: new ObjectsOnDemand(parse), writable: false });
  context.trailerInfo = { Root: PDFRef.of(Number(root[1]), Number(root[2])) } as typeof context.trailerInfo;
  // As load() leaves it: a new object registered here would not take the number of one not yet parsed.
  context.largestObjectNumber = Math.max(0, ...offsets.keys());
  // PDFDocument's constructor is what load() calls once it has parsed the file.
  const DocumentFromContext = Document as unknown as new (context: unknown, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;
  return new DocumentFromContext(context, true, false);
}

class ObjectsOnDemand extends Map<PdfRef, PdfObject> {
  readonly #parse: (ref: PdfRef) => PdfObject | undefined;

  constructor(parse: (ref: PdfRef) => PdfObject | undefined) {
    super();
    this.#parse = parse;
  }

  override get(ref: PdfRef): PdfObject | undefined {
    let object = super.get(ref);
    if (object === undefined && ref instanceof PDFRef) {
      object = this.#parse(ref);
      if (object !== undefined) super.set(ref, object);
    }
    return object;
  }

  override has(ref: PdfRef): boolean {
    return this.get(ref) !== undefined;
  }
}

/** One classic cross-reference section at `at`: its entries and the trailer after it. */
function readSection(text: string, at: number): { offsets: Map<number, number>; trailer: string } | undefined {
  const section = readXrefSection(text, at);
  const trailer = section && /^\s*trailer\s*<<([^]*?)>>\s*startxref/.exec(text.slice(section.end, section.end + 1024));
  return section && trailer ? { offsets: section.offsets, trailer: trailer[1]! } : undefined;
}
