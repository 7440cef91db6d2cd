// The pack's contents link to each document's first page (issue 19). The contents are printed
// before the pack exists, so each entry links to an address naming a page of the pack
// (contracts/pack-pages.ts); Chromium writes it as a tagged Link annotation with a URI action, and the pack,
// copying the front matter, makes it a link to that page, worded for assistive technology.
import { PACK_PAGE_SCHEME as SCHEME } from '../contracts/pack-pages.js';
import { decodeText, pdfText } from './pdf-text.js';
import { copyDict, get, isDict, isString, nameAt, PdfName, PdfRef, type PdfDict, type PdfValue } from './pdf-objects.js';

/** A page of the pack a link may point at: its object and the document's title. */
export interface PackPageTarget {
  page: number;
  title: string;
}

/** The pack page a link annotation's URI names (from 1), if it names one. */
function linkedPage(dict: PdfDict): number | undefined {
  if (nameAt(dict, 'Type') !== 'Annot' || nameAt(dict, 'Subtype') !== 'Link') return undefined;
  const action = get(dict, 'A', isDict);
  const uri = action && nameAt(action, 'S') === 'URI' ? get(action, 'URI', isString) : undefined;
  const text = uri ? decodeText(uri) : '';
  if (!text.startsWith(SCHEME)) return undefined;
  const page = Number(text.slice(SCHEME.length));
  return Number.isInteger(page) && page > 0 ? page : undefined;
}

/**
 * The link annotation made a link to the pack's page (a /Fit destination, ISO 32000-1 12.3.2.2),
 * its /Contents `words` with the document's title; undefined for any other object.
 */
export function asPackLink(value: PdfValue, target: (page: number) => PackPageTarget | undefined, words: string): PdfDict | undefined {
  if (!isDict(value)) return undefined;
  const page = linkedPage(value);
  const found = page === undefined ? undefined : target(page);
  if (!found) return undefined;
  const link = copyDict(value);
  link.delete('A');
  link.set('Dest', [new PdfRef(found.page), new PdfName('Fit')]);
  link.set('Contents', pdfText(words.replace('{title}', found.title)));
  return link;
}
