// Files a PDF carries (ISO 32000-1, 7.11.4; PDF/A-3 and ISO 32000-2, 14.13: associated files): an
// embedded file stream, its file specification, listed in the catalog's /Names /EmbeddedFiles and
// /AF, so that pdfdetach, a viewer's attachments panel and PDF/A-3-aware readers all find it.
import { createHash } from 'node:crypto';
import type { DocumentAttachment } from '../contracts/document.js';
import { deflate } from './deflate.js';
import { PdfInlineDict, PdfName, PdfRef, PdfString, type PdfDict, type PdfValue } from './pdf-objects.js';
import { nameOf, pdfDate, pdfText } from './pdf-text.js';
import { compareNames } from './pdf-trees.js';
import { withLength, type PdfWriter } from './pdf-writer.js';

/** A file written into the PDF: its name and its file specification's object number. */
export interface EmbeddedFile {
  name: string;
  filespec: number;
}

/** Writes each attachment's stream and file specification; returns them sorted by name. */
export function writeAttachments(writer: PdfWriter, attachments: readonly DocumentAttachment[], date: Date): EmbeddedFile[] {
  const written: EmbeddedFile[] = [];
  for (const attachment of [...attachments].sort((a, b) => compareNames(a.name, b.name))) {
    const content = Buffer.from(attachment.content, 'utf8');
    const data = deflate(content);
    const stream = writer.allocate();
    // Size and checksum are of the file itself, before compression (7.11.4, table 45).
    const params = new PdfInlineDict([
      ['Size', content.length],
      ['ModDate', pdfText(pdfDate(date))],
      ['CheckSum', new PdfString(`<${createHash('md5').update(content).digest('hex').toUpperCase()}>`)],
    ]);
    const entries = new Map<string, PdfValue>([
      ['Type', new PdfName('EmbeddedFile')],
      ['Subtype', nameOf(attachment.mimeType)],
      ['Params', params],
      ['Filter', new PdfName('FlateDecode')],
    ]);
    writer.write(stream, withLength(entries, data), data);
    const filespec = writer.allocate();
    writer.write(filespec, filespecDict(attachment.name, attachment.description, attachment.relationship, stream));
    written.push({ name: attachment.name, filespec });
  }
  return written;
}

/** A file specification for an embedded file stream, under the name readers show. */
export function filespecDict(name: string, description: string, relationship: string, stream: number): PdfDict {
  const file = pdfText(name);
  const ref = new PdfRef(stream);
  return new Map<string, PdfValue>([
    ['Type', new PdfName('Filespec')],
    ['F', file],
    ['UF', file],
    ['Desc', pdfText(description)],
    ['AFRelationship', new PdfName(relationship)],
    [
      'EF',
      new PdfInlineDict([
        ['F', ref],
        ['UF', ref],
      ]),
    ],
  ]);
}

/** The catalog's /Names /EmbeddedFiles name tree (one node) and /AF for these files. */
export function embeddedFilesEntries(files: readonly EmbeddedFile[]): { names: PdfDict; af: PdfRef[] } {
  const sorted = [...files].sort((a, b) => compareNames(a.name, b.name));
  return {
    names: new Map<string, PdfValue>([['Names', sorted.flatMap((f) => [pdfText(f.name), new PdfRef(f.filespec)])]]),
    af: sorted.map((f) => new PdfRef(f.filespec)),
  };
}
