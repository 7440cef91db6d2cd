// How many pages a PDF has, from its page tree's /Count: what the one-pager's fitting reads after
// each try, before the one that fits is post-processed.
import { PdfFile } from './pdf-file.js';
import { get, isNumber } from './pdf-objects.js';

export function countPages(pdf: Uint8Array): number {
  const file = PdfFile.read(pdf);
  const count = file && get(file.dict(file.catalog.get('Pages')), 'Count', isNumber);
  if (count === undefined) throw new Error('a printed PDF has no page count');
  return count;
}
