// Files a PDF carries (ISO 32000-1, 7.11.4; PDF/A-3 and ISO 32000-2, 14.13: associated files): an
// embedded file stream, its file specification, listed in the catalog's /Names /EmbeddedFiles and
// /AF, so that pdfdetach, a viewer's attachments panel and PDF/A-3-aware readers all find it.
import { createHash } from 'node:crypto';
import type { DocumentAttachment } from '../contracts/document.js';
import { deflate } from './deflate.js';
import { pdfDate, pdfText, PdfName, PdfRef, type PdfValue } from './pdf-syntax.js';
import { compareNames } from './pdf-trees.js';
import { streamHead, type PdfWriter } from './pdf-writer.js';

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
    const entries = [
      '/Type /EmbeddedFile',
      `/Subtype /${mimeName(attachment.mimeType)}`,
      `/Params <</Size ${content.length} /ModDate ${pdfText(pdfDate(date)).raw} /CheckSum <${createHash('md5').update(content).digest('hex').toUpperCase()}>>>`,
      '/Filter /FlateDecode',
    ].join('\n');
    writer.write(stream, { head: streamHead(entries, data), data });
    const filespec = writer.allocate();
    writer.write(filespec, { head: filespecHead(attachment.name, attachment.description, attachment.relationship, stream) });
    written.push({ name: attachment.name, filespec });
  }
  return written;
}

/** A file specification for an embedded file stream, under the name readers show. */
export function filespecHead(name: string, description: string, relationship: string, stream: number): string {
  const file = pdfText(name).raw;
  return `<</Type /Filespec\n/F ${file}\n/UF ${file}\n/Desc ${pdfText(description).raw}\n/AFRelationship /${relationship}\n/EF <</F ${stream} 0 R /UF ${stream} 0 R>>>>`;
}

/** The catalog's /Names /EmbeddedFiles name tree (one node) and /AF for these files. */
export function embeddedFilesEntries(files: readonly EmbeddedFile[]): { names: PdfValue; af: PdfValue } {
  const sorted = [...files].sort((a, b) => compareNames(a.name, b.name));
  return {
    names: new Map<string, PdfValue>([['Names', sorted.flatMap((f) => [pdfText(f.name), new PdfRef(f.filespec)])]]),
    af: sorted.map((f) => new PdfRef(f.filespec)),
  };
}

/** A media type as a PDF name: `application/json` is written `/application#2Fjson`. */
function mimeName(type: string): string {
  return new PdfName(type.replace(/[^A-Za-z0-9.+-]/g, (c) => `#${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)).name;
}
