// Finishing a printed PDF (issue 3 item 7, issue 14): the file Chromium printed is copied object by
// object into a PDF/UA-1 file, without parsing and re-serialising it with a PDF library, so that
// the same inputs give byte-identical files (Chromium writes the current time, `Skia/PDF` as
// Producer, and no /ID). Most objects are copied as they are; what changes is
//   - the document information and an XMP packet in step with it (pdfuaid:part 1), fixed dates;
//   - the catalog: language, DisplayDocTitle, the metadata, embedded files (/Names, /AF);
//   - page content: marks Chromium left untagged (margin boxes, decoration) become artifacts;
//   - structure: a language change Chromium tags as NonStruct with /Lang becomes a Span;
//   - link annotations get the description PDF/UA asks for (/Contents);
// and a trailer /ID derived from the content, so the same inputs give the same bytes.
import type { PdfMetadata, PdfWords, RenderedDocument } from '../contracts/document.js';
import { deflate, inflate } from './deflate.js';
import { embeddedFilesEntries, writeAttachments } from './embedded-files.js';
import { markArtifacts } from './mark-artifacts.js';
import { normalisePdf } from './normalise-pdf.js';
import { PdfFile } from './pdf-file.js';
import { decodeText, get, isArray, isDict, isName, isRef, isString, parseText, pdfDate, pdfText, PdfName, PdfRef, writeValue, type PdfDict, type PdfValue } from './pdf-syntax.js';
import { PdfWriter, streamHead } from './pdf-writer.js';
import { normaliseStructureIds } from './structure-ids.js';
import { xmpPacket } from './xmp.js';

/** What a printed PDF is finished with: its document information, attached files and words. */
export type DocumentToFinish = Pick<RenderedDocument, 'metadata' | 'attachments' | 'pdfWords'>;

/** The finished file and its page count. */
export interface FinishedPdf {
  bytes: Uint8Array;
  pages: number;
}

/** Finishes a printed PDF: metadata, structure fixes, artifacts, attachments; counts its pages. */
export async function finishPdf(printed: Uint8Array, doc: DocumentToFinish): Promise<FinishedPdf> {
  const finished = finishClassicPdf(printed, doc) ?? finishClassicPdf(await normalisePdf(printed), doc);
  if (!finished) throw new Error('finish: the printed PDF could not be read');
  return finished;
}

/** The finished PDF; undefined where the file is not of a shape this path reads (finishPdf normalises it first). */
function finishClassicPdf(printed: Uint8Array, { metadata, attachments = [], pdfWords }: DocumentToFinish): FinishedPdf | undefined {
  const file = PdfFile.read(normaliseStructureIds(printed));
  if (!file) return undefined;
  const { pages } = file.pages();
  if (pages.length === 0) return undefined;
  const catalogNum = file.root.num;
  const infoNum = get(file.trailer, 'Info', isRef)?.num;
  const contentStreams = new Set(pages.flatMap((page) => refsOf(file.dict(new PdfRef(page))?.get('Contents'))));

  const numbers = file.numbers();
  const writer = new PdfWriter((numbers.at(-1) ?? 0) + 1);
  for (const num of numbers) {
    if (num === catalogNum || num === infoNum) continue;
    const body = file.body(num)!;
    if (body.data) {
      const data = file.bytes.subarray(body.data.start, body.data.end);
      writer.write(num, contentStreams.has(num) ? markedContent(body.head, data) : { head: body.head, data });
    } else {
      writer.write(num, { head: fixObject(body.head, pdfWords) });
    }
  }

  const xmp = xmpPacket(metadata);
  const metadataNum = writer.allocate();
  writer.write(metadataNum, { head: streamHead('/Type /Metadata\n/Subtype /XML', xmp), data: xmp });
  const files = writeAttachments(writer, attachments, metadata.date);
  const info = infoNum ?? writer.allocate();
  writer.write(info, { head: writeValue(infoDict(metadata)) });

  const catalog = new Map(file.catalog);
  catalog.set('Lang', pdfText(metadata.language));
  catalog.set('MarkInfo', new Map([['Marked', true]]));
  // Readers show the title, not the file name, in the window's title bar (PDF/UA-1, 7.1).
  const preferences = file.dict(catalog.get('ViewerPreferences')) ?? new Map<string, PdfValue>();
  catalog.set('ViewerPreferences', new Map([...preferences, ['DisplayDocTitle', true]]));
  catalog.set('PageMode', new PdfName('UseOutlines'));
  catalog.set('Metadata', new PdfRef(metadataNum));
  if (files.length > 0) {
    const { names, af } = embeddedFilesEntries(files);
    const existing = file.dict(catalog.get('Names')) ?? new Map<string, PdfValue>();
    catalog.set('Names', new Map([...existing, ['EmbeddedFiles', names]]));
    catalog.set('AF', af);
  }
  writer.write(catalogNum, { head: writeValue(catalog) });
  return { bytes: writer.finish({ root: catalogNum, info }), pages: pages.length };
}

/** Document information with fixed dates, as every PDF the tool writes carries it. */
export function infoDict(m: PdfMetadata): PdfDict {
  const date = pdfText(pdfDate(m.date));
  return new Map<string, PdfValue>([
    ['Title', pdfText(m.title)],
    ['Author', pdfText(m.author)],
    ['Subject', pdfText(m.subject)],
    ['Keywords', pdfText(m.keywords.join(', '))],
    ['Creator', pdfText(m.creator)],
    ['Producer', pdfText(m.producer)],
    ['CreationDate', date],
    ['ModDate', date],
  ]);
}

/** A page's content with its untagged marks made artifacts; as it was where there are none. */
function markedContent(head: string, data: Uint8Array): { head: string; data: Uint8Array } {
  const dict = parseText(head);
  if (!isDict(dict)) return { head, data };
  const filter = dict.get('Filter');
  const flate = filter !== undefined && isName(filter) && filter.name === 'FlateDecode';
  if ((filter !== undefined && !flate) || dict.has('DecodeParms')) return { head, data };
  const content = (flate ? inflate(data) : Buffer.from(data)).toString('latin1');
  const marked = markArtifacts(content);
  if (marked === undefined || marked === content) return { head, data };
  const encoded = deflate(Buffer.from(marked, 'latin1'));
  const entries = new Map(dict);
  entries.delete('Length');
  entries.set('Filter', new PdfName('FlateDecode'));
  return { head: streamHead([...entries].map(([k, v]) => `/${k} ${writeValue(v)}`).join('\n'), encoded), data: encoded };
}

const LANGUAGE_GROUP = /\/S\s*\/NonStruct(?=[\s/>])/;

/** Structure elements and link annotations as PDF/UA wants them; every other object as it is. */
function fixObject(head: string, words: PdfWords): string {
  if (head.includes('/StructElem')) {
    // Chromium tags an element that only changes the language as NonStruct with /Lang: a Span
    // is what ISO 32000-1 (14.9.2) names for that.
    return head.includes('/Lang') && LANGUAGE_GROUP.test(head) ? head.replace(LANGUAGE_GROUP, '/S /Span') : head;
  }
  if (head.includes('/Link') && !head.includes('/Contents')) {
    const dict = parseText(head);
    if (isDict(dict) && get(dict, 'Subtype', isName)?.name === 'Link') {
      dict.set('Contents', pdfText(describeLink(dict, words)));
      return writeValue(dict);
    }
  }
  return head;
}

/** What a link does, in words (PDF/UA-1, 7.18.5): "Note 3", "Go to section 2", or its address. */
export function describeLink(link: PdfDict, words: PdfWords): string {
  const action = get(link, 'A', isDict);
  const uri = action && get(action, 'URI', isString);
  if (uri) return decodeText(uri);
  const dest = link.get('Dest') ?? action?.get('D');
  const name = dest === undefined ? undefined : isName(dest) ? decodeName(dest.name) : isString(dest) ? decodeText(dest) : undefined;
  if (name) {
    const note = /^(?:note|fn|footnote)-?(\d+)$/i.exec(name);
    return note ? words.noteLink.replace('{number}', note[1]!) : words.placeLink.replace('{place}', name.replace(/[-_]+/g, ' '));
  }
  return isArray(dest ?? null) ? words.pageLink : words.link;
}

function decodeName(name: string): string {
  return name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function refsOf(value: PdfValue | undefined): number[] {
  if (value === undefined) return [];
  if (isRef(value)) return [value.num];
  return isArray(value) ? value.filter(isRef).map((ref) => ref.num) : [];
}
