// The fonts of a page as the proof reads them (ISO 32000-1, 9.6-9.10): how many bytes a character
// code has, each glyph's advance width, and the text it stands for (its ToUnicode CMap, 9.10.3),
// so that a run of glyphs has a width and a text.
import { get, inflate, isArray, isDict, isNumber, nameAt, readToUnicode, readWidths, type PdfDict, type PdfObjects, type PdfValue } from '../pdf/index.js';

/** One font of a page, read for the proof. */
export interface ProofFont {
  /** Bytes a character code takes: 2 for a composite (Type0) font, else 1. */
  codeBytes: number;
  /** Advance widths in thousandths of the font size, by character code. */
  widths: Map<number, number>;
  defaultWidth: number;
  /** The text each code stands for. */
  text: Map<number, string>;
}

/** The page's fonts by resource name; read once a file (`cache`, by object number). */
export function readPageFonts(file: PdfObjects, page: PdfDict, cache: Map<number, ProofFont>): Map<string, ProofFont> {
  const fonts = new Map<string, ProofFont>();
  const resources = file.dict(page.get('Resources'));
  for (const [name, ref] of file.dict(resources?.get('Font')) ?? []) {
    const num = typeof ref === 'object' && ref !== null && 'num' in ref ? ref.num : undefined;
    const known = num === undefined ? undefined : cache.get(num);
    if (known) {
      fonts.set(name, known);
      continue;
    }
    const dict = file.dict(ref);
    if (!dict) continue;
    const font = readFont(file, dict);
    if (num !== undefined) cache.set(num, font);
    fonts.set(name, font);
  }
  return fonts;
}

function readFont(file: PdfObjects, dict: PdfDict): ProofFont {
  const composite = nameAt(dict, 'Subtype') === 'Type0';
  let widths = new Map<number, number>();
  let defaultWidth = composite ? 1000 : 500;
  if (composite) {
    const descendant = file.dict(get(dict, 'DescendantFonts', isArray)?.[0]);
    defaultWidth = get(descendant, 'DW', isNumber) ?? 1000;
    // Read as the pack reads it when it merges fonts (font-maps.ts).
    widths = readWidths(file.resolve(descendant?.get('W')), (value) => file.resolve(value));
  } else {
    // A Type 3 font's widths are in its glyph space (9.6.5): its /FontMatrix makes them text space.
    const matrix = file.resolve(dict.get('FontMatrix'));
    const unit = Array.isArray(matrix) && typeof matrix[0] === 'number' ? matrix[0] * 1000 : 1;
    const first = get(dict, 'FirstChar', isNumber) ?? 0;
    const list = file.resolve(dict.get('Widths'));
    if (Array.isArray(list)) list.forEach((w, i) => typeof w === 'number' && widths.set(first + i, w * unit));
  }
  return { codeBytes: composite ? 2 : 1, widths, defaultWidth, text: readFontText(file, dict.get('ToUnicode')) };
}

/** A ToUnicode CMap's text by code (9.10.3), read as finishing reads it. */
function readFontText(file: PdfObjects, ref: PdfValue | undefined): Map<number, string> {
  const num = typeof ref === 'object' && ref !== null && 'num' in ref ? ref.num : undefined;
  const stream = num === undefined ? undefined : file.get(num);
  if (!stream?.data || !isDict(stream.value)) return new Map();
  return readToUnicode(nameAt(stream.value, 'Filter') === 'FlateDecode' ? inflate(stream.data) : stream.data);
}
