// Finishing a printed PDF (issue 3 item 7, issue 14): the file Chromium printed is copied object by
// object into a PDF/UA-1 file, without a PDF library, so that the same inputs give byte-identical
// files (Chromium writes the current time, `Skia/PDF` as Producer, and no /ID). Every object is
// read by the lexer; one no edit changes is copied as it was written. What changes is
//   - the document information and an XMP packet in step with it (pdfuaid:part 1), fixed dates;
//   - the catalog: language, DisplayDocTitle, the metadata, embedded files (/Names, /AF);
//   - page content: marks Chromium left untagged (margin boxes, decoration) become artifacts, a
//     repeated table header too, and a space is shown at each soft line wrap (page-content.ts);
//   - structure: list items as Lbl and LBody (structure-edits.ts), elements and the objects
//     that cite them, bookmarks' titles with their words apart (finish-objects.ts);
// and a trailer /ID derived from the content, so the same inputs give the same bytes.
import type { RenderedDocument } from '../contracts/document.js';
import { infoDict, writeMetadataStream } from './document-info.js';
import { embeddedFilesEntries, writeAttachments } from './embedded-files.js';
import { objectFinisher, type ObjectFinisher } from './finish-objects.js';
import { FinishedFile, KeepingWriter } from './finished-file.js';
import { normalisePdf } from './normalise-pdf.js';
import { finishPageContent } from './page-content.js';
import { PdfFile } from './pdf-file.js';
import { get, isRef, PdfName, PdfRef, type PdfValue } from './pdf-objects.js';
import { pdfText } from './pdf-text.js';
import type { PdfWriter } from './pdf-writer.js';
import { editStructure } from './structure-edits.js';

/** What a printed PDF is finished with: its document information, attached files and words. */
export type DocumentToFinish = Pick<RenderedDocument, 'metadata' | 'attachments' | 'pdfWords'>;

/** The finished file, its page count, and its objects as finishing wrote them (for the proof, issue 21). */
export interface FinishedPdf {
  bytes: Uint8Array;
  pages: number;
  file: FinishedFile;
}

/** Finishes a printed PDF: metadata, structure fixes, artifacts, attachments; counts its pages. */
export async function finishPdf(printed: Uint8Array, doc: DocumentToFinish): Promise<FinishedPdf> {
  const finished = finishClassicPdf(printed, doc) ?? finishClassicPdf(await normalisePdf(printed), doc);
  if (!finished) throw new Error('finish: the printed PDF could not be read');
  return finished;
}

/** The finished PDF; undefined where the file is not of a shape this path reads (finishPdf normalises it first). */
function finishClassicPdf(printed: Uint8Array, { metadata, attachments = [], pdfWords }: DocumentToFinish): FinishedPdf | undefined {
  const file = PdfFile.read(printed);
  if (!file) return undefined;
  const tree = file.pages();
  const { pages } = tree;
  if (pages.length === 0) return undefined;
  const catalogNum = file.root.num;
  const infoNum = get(file.trailer, 'Info', isRef)?.num;
  const numbers = file.numbers();
  const writer = new KeepingWriter((numbers.at(-1) ?? 0) + 1);
  try {
    const structure = editStructure(file, () => writer.allocate());
    const content = finishPageContent(file, pages, structure);
    copyObjects(file, writer, objectFinisher(file, pdfWords, structure, content), new Set([catalogNum, infoNum]));
    for (const [num, value] of structure.added) writer.write(num, value);
  } catch (error) {
    // An object the lexer cannot read: the file is saved again by pdf-lib and read from that.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }

  const metadataNum = writeMetadataStream(writer, metadata);
  const files = writeAttachments(writer, attachments, metadata.date);
  const info = infoNum ?? writer.allocate();
  writer.write(info, infoDict(metadata));

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
  writer.write(catalogNum, catalog);
  return { bytes: writer.finish({ root: catalogNum, info }), pages: pages.length, file: new FinishedFile(file, writer.written, tree) };
}

/** Writes every object but those skipped: as finished where finishing changes it, else as written. */
function copyObjects(file: PdfFile, writer: PdfWriter, finish: ObjectFinisher, skip: Set<number | undefined>): void {
  for (const num of file.numbers()) {
    if (skip.has(num)) continue;
    const glance = file.glance(num)!;
    const edit = finish(num, glance);
    const data = edit?.data ?? glance.object?.data;
    if (edit) writer.write(num, edit.value, data);
    else writer.copy(num, glance.raw, data);
  }
}
