// A PDF of another shape than Chromium writes today (a cross-reference stream, object streams)
// saved again by pdf-lib with a classic table and plain objects, which the file reader reads.

/** The same document, saved with a classic cross-reference table and no object streams. */
export async function normalisePdf(pdf: Uint8Array): Promise<Uint8Array> {
  const { PDFDocument } = (await import('./pdf-lib.js')).pdfLib;
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
