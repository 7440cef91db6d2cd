// What a finished PDF says of itself that a shard manifest also records (issue 20): its page count
// and its title, so `brief assemble` takes them from the file, not from what the manifest claims.
import { PdfFile } from './pdf-file.js';
import { get, isNumber, isString } from './pdf-objects.js';
import { decodeText } from './pdf-text.js';

/** The PDF's page count (its page tree's /Count) and its document information's /Title; undefined when it has neither. */
export function readPdfFacts(pdf: Uint8Array): { pages: number; title: string } | undefined {
  const file = PdfFile.read(pdf);
  if (!file) return undefined;
  const pages = get(file.dict(file.catalog.get('Pages')), 'Count', isNumber);
  const title = get(file.dict(file.trailer.get('Info')), 'Title', isString);
  if (pages === undefined || title === undefined) return undefined;
  return { pages, title: decodeText(title) };
}
