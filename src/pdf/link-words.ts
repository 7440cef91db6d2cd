// What a link does, in words (PDF/UA-1, 7.18.5): a link annotation's /Contents, worded from the
// labels (PdfWords) and from what the link points at. The patterns here read the text of a
// destination's name once decoded, never the bytes of the file.
import type { PdfWords } from '../contracts/document.js';
import { get, isArray, isDict, isName, isString, type PdfDict } from './pdf-objects.js';
import { decodeName, decodeText } from './pdf-text.js';

/** "Note 3", "Go to section 2", or the address, from the link's action or destination. */
export function describeLink(link: PdfDict, words: PdfWords): string {
  const action = get(link, 'A', isDict);
  const uri = action && get(action, 'URI', isString);
  if (uri) return decodeText(uri);
  const dest = link.get('Dest') ?? action?.get('D');
  const name = dest === undefined ? undefined : isName(dest) ? decodeName(dest) : isString(dest) ? decodeText(dest) : undefined;
  if (name) {
    const note = /^(?:note|fn|footnote)-?(\d+)$/i.exec(name);
    return note ? words.noteLink.replace('{number}', note[1]!) : words.placeLink.replace('{place}', name.replace(/[-_]+/g, ' '));
  }
  return isArray(dest ?? null) ? words.pageLink : words.link;
}
