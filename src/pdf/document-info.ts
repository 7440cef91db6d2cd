// What every PDF the tool writes says about itself: the document information dictionary with
// fixed dates, and the XMP metadata stream in step with it (ISO 14289-1, 5: pdfuaid:part 1).
import type { PdfMetadata } from '../contracts/document.js';
import { PdfName, type PdfDict, type PdfValue } from './pdf-objects.js';
import { pdfDate, pdfText } from './pdf-text.js';
import { withLength, type PdfWriter } from './pdf-writer.js';
import { xmpPacket } from './xmp.js';

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

/** Writes the XMP packet as the catalog's /Metadata stream; returns its number. */
export function writeMetadataStream(writer: PdfWriter, metadata: PdfMetadata): number {
  const xmp = xmpPacket(metadata);
  const num = writer.allocate();
  const entries = new Map<string, PdfValue>([
    ['Type', new PdfName('Metadata')],
    ['Subtype', new PdfName('XML')],
  ]);
  writer.write(num, withLength(entries, xmp), xmp);
  return num;
}
