// The fast path of post-processing: Chromium (Skia) writes a small, regular PDF (a classic
// cross-reference table, uncompressed dictionaries), so the document information, the catalog's
// language and a trailer /ID are added as an incremental update (ISO 32000-1, 7.5.6) instead of
// parsing and re-serialising the whole file: ~1 ms against ~40-120 ms with pdf-lib for a brief.
import { createHash } from 'node:crypto';
import type { PdfMetadata } from '../contracts/document.js';
import { latin1, readXrefSection } from './xref.js';

/** The finished file and its page count. */
export interface AppendedInfo {
  bytes: Uint8Array;
  pages: number;
}


/**
 * Adds metadata to a PDF as Chromium wrote it, fixing its dates so that the same input gives the
 * same bytes; undefined where the file is not of the shape this path knows (the caller then
 * rewrites it with a full PDF library).
 */
export function appendDocumentInfo(pdf: Uint8Array, metadata: PdfMetadata): AppendedInfo | undefined {
  const text = latin1(pdf);
  const tail = /trailer\s*<<([^]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!tail || /\/(Prev|Encrypt|XRefStm)\b/.test(tail[1]!)) return undefined;
  const trailer = tail[1]!;
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/.exec(trailer)?.[1]);
  const info = Number(/\/Info\s+(\d+)\s+0\s+R/.exec(trailer)?.[1]);
  const xrefAt = Number(tail[2]);
  if (!size || !root || !info) return undefined;

  const offsets = readXrefSection(text, xrefAt)?.offsets;
  const catalog = offsets && objectBody(text, offsets, root);
  const infoBody = offsets && objectBody(text, offsets, info);
  if (!offsets || !catalog || !infoBody) return undefined;
  const pagesRef = Number(/\/Pages\s+(\d+)\s+0\s+R/.exec(catalog.body)?.[1]);
  const pages = Number(/\/Count\s+(\d+)/.exec(objectBody(text, offsets, pagesRef)?.body ?? '')?.[1]);
  if (!pages) return undefined;

  // The time of printing stays in the original information dictionary: overwrite it in place with
  // the fixed date, the same length, so that no offset moves.
  const date = pdfDate(metadata.date);
  const bytes = Buffer.from(pdf);
  for (const key of ['CreationDate', 'ModDate']) {
    const found = new RegExp(`/${key}\\s*\\((D:[^)]*)\\)`).exec(infoBody.body);
    if (!found) continue;
    if (found[1]!.length !== date.length) return undefined;
    bytes.write(date, infoBody.start + found.index + found[0].indexOf('(') + 1, 'latin1');
  }

  const infoDict = dictionary([
    ['Title', pdfString(metadata.title)],
    ['Author', pdfString(metadata.author)],
    ['Subject', pdfString(metadata.subject)],
    ['Keywords', pdfString(metadata.keywords.join(', '))],
    ['Creator', pdfString(metadata.creator)],
    ['Producer', pdfString(metadata.producer)],
    ['CreationDate', pdfString(date)],
    ['ModDate', pdfString(date)],
  ]);
  const catalogDict = withEntries(catalog.body, [
    ['Lang', pdfString(metadata.language)],
    // Open the bookmarks panel and show the title, not the file name, in the window's title bar.
    ['PageMode', '/UseOutlines'],
    ['ViewerPreferences', '<</DisplayDocTitle true>>'],
  ]);
  if (!catalogDict) return undefined;

  const base = bytes.at(-1) === 0x0a ? bytes : Buffer.concat([bytes, Buffer.from('\n')]);
  const updated = [
    { number: info, body: infoDict },
    { number: root, body: catalogDict },
  ].sort((a, b) => a.number - b.number);
  let update = '';
  const entries: string[] = [];
  for (const object of updated) {
    entries.push(`${object.number} 1\n${String(base.length + update.length).padStart(10, '0')} 00000 n \n`);
    update += `${object.number} 0 obj\n${object.body}\nendobj\n`;
  }
  const xref = base.length + update.length;
  const id = createHash('sha256').update(base).update(update).digest('hex').slice(0, 32).toUpperCase();
  update +=
    `xref\n${entries.join('')}trailer\n` +
    `<</Size ${size} /Root ${root} 0 R /Info ${info} 0 R /Prev ${xrefAt} /ID [<${id}> <${id}>]>>\n` +
    `startxref\n${xref}\n%%EOF\n`;
  return { bytes: Buffer.concat([base, Buffer.from(update, 'latin1')]), pages };
}

/**
 * Chromium names tagged table headers after DOM node ids (`/ID (node00003297)`), which depend on
 * what the warm page showed before: renumbers them in order of appearance, each to the same
 * length, in place, so the same document gives the same bytes whatever was printed before it.
 */
export function normaliseStructureIds(pdf: Uint8Array): Uint8Array {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const renamed = new Map<string, string>();
  for (const match of text.matchAll(/\(node(\d+)\)/g)) {
    const old = match[1]!;
    let name = renamed.get(old);
    if (!name) {
      name = String(renamed.size + 1).padStart(old.length, '0');
      if (name.length !== old.length) return pdf;
      renamed.set(old, name);
    }
    bytes.write(name, match.index + '(node'.length, 'latin1');
  }
  return bytes;
}

/** The dictionary of an object that is a plain dictionary, and where its text starts. */
function objectBody(text: string, offsets: Map<number, number>, number: number): { body: string; start: number } | undefined {
  const at = offsets.get(number);
  if (at === undefined) return undefined;
  const head = new RegExp(`^${number}\\s+0\\s+obj\\s*`).exec(text.slice(at, at + 32));
  if (!head) return undefined;
  const start = at + head[0].length;
  const end = text.indexOf('endobj', start);
  if (end < 0 || !text.startsWith('<<', start)) return undefined;
  return { body: text.slice(start, end).trimEnd(), start };
}

/** The dictionary with these entries set, replacing any of the same name at its top level. */
function withEntries(dict: string, entries: Array<[string, string]>): string | undefined {
  if (!dict.startsWith('<<') || !dict.endsWith('>>')) return undefined;
  let inner = dict.slice(2, -2);
  for (const [key] of entries) {
    // Only simple values are replaced: a string without nested parentheses, a name or a dictionary
    // without nested dictionaries. Anything else: leave to the full rewrite.
    const existing = new RegExp(`/${key}\\s*(\\([^()]*\\)|/[^\\s/<>\\[\\]()]+|<<[^<>]*>>)`).exec(inner);
    if (existing) inner = inner.slice(0, existing.index) + inner.slice(existing.index + existing[0].length);
    else if (new RegExp(`/${key}\\b`).test(inner)) return undefined;
  }
  return `<<${inner.trimEnd()}\n${entries.map(([k, v]) => `/${k} ${v}`).join('\n')}>>`;
}

function dictionary(entries: Array<[string, string]>): string {
  return `<<${entries.map(([k, v]) => `/${k} ${v}`).join('\n')}>>`;
}

/** A PDF text string: literal for printable ASCII, else UTF-16BE with a byte-order mark. */
export function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSS+00'00', in UTC: the form Chromium writes, so the lengths match. */
export function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}
