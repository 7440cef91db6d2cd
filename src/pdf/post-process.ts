// Rewriting what Chromium writes on its own (issue 3 item 7, issue 14 item 1): the document
// information and XMP metadata, the language, fixed dates instead of the time of printing,
// artifacts, attached files, and a trailer /ID derived from the content, so that the same inputs
// give byte-identical, PDF/UA-1 files (MEASURED.md: Chromium writes the current time, `Skia/PDF`
// as Producer, and no /ID).
import type { DocumentAttachment, PdfMetadata } from '../contracts/document.js';
import { finishPdf, type FinishedPdf } from './finish-pdf.js';

export type PostProcessed = FinishedPdf;

/** Finishes a printed PDF: metadata, structure fixes, artifacts, attachments; counts its pages. */
export async function postProcessPdf(printed: Uint8Array, metadata: PdfMetadata, attachments: readonly DocumentAttachment[] = []): Promise<PostProcessed> {
  const finished = finishPdf(printed, metadata, attachments) ?? finishPdf(await normalisePdf(printed), metadata, attachments);
  if (!finished) throw new Error('post-process: the printed PDF could not be read');
  return finished;
}

/**
 * A file of another shape (a cross-reference stream, object streams: not what Chromium writes
 * today) saved again by pdf-lib with a classic table and plain objects, which finishPdf reads.
 */
export async function normalisePdf(pdf: Uint8Array): Promise<Uint8Array> {
  const { PDFDocument } = (await import('./pdf-lib.js')).pdfLib;
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
