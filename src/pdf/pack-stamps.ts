// The pack's page number on every page (issue 18): each page copied gets one more content stream
// that draws "Pack page 42" at its foot as a pagination artifact (ISO 32000-1, 14.8.2.2; PDF/UA-1
// 7.8), in a font the pack already embeds (one of its merged fonts that has every character it
// needs), so the number the contents give is the number the page shows and the viewer's label.
import { writeNumber } from './pdf-serialiser.js';
import { copyDict, isArray, isDict, PdfRef, refsOf, type PdfDict, type PdfValue } from './pdf-objects.js';
import type { PdfWriter } from './pdf-writer.js';

/** The name the stamp's font takes in a page's resources. */
const FONT_NAME = 'PackPage';
/** The stamp's size and where it stands: the foot of the page, right-aligned to the text's edge. */
const SIZE = 7.5;
const RIGHT = 53;
const BASELINE = 24;

/** The pack's objects every stamp uses: the stream opening a page's content and the stamp's font, numbered when a page first needs them. */
export class StampTargets {
  #open: number | undefined;
  #font: number | undefined;

  constructor(readonly allocate: () => number) {}

  get open(): number {
    return (this.#open ??= this.allocate());
  }

  get font(): number {
    return (this.#font ??= this.allocate());
  }

  /** Whether any page was stamped (and so needs the objects written). */
  get used(): boolean {
    return this.#open !== undefined;
  }
}

/** A page to number: the stream that draws its number, and its media box. */
export interface PageStamp {
  stream: number;
  box: number[];
}

/** A font that can draw text: the Type0 font's number, and each text's glyph ids (hex) and width in text space units, or undefined where it lacks a character. */
export interface StampFont {
  type0: number;
  encode(text: string): { hex: string; width: number } | undefined;
}

/** The stream every stamped page opens with: a `q`, so that the page's own content leaves the stamp's state as it found it. */
function writeStampOpening(w: PdfWriter, targets: StampTargets): void {
  const data = Buffer.from('q\n', 'latin1');
  w.write(targets.open, new Map([['Length', data.length]]), data);
}

/**
 * The page (its references already the pack's) drawing its stamp: its content opened by the
 * shared `q` and closed by the stamp's stream, the stamp's font in its resources; undefined for a
 * page whose resources are not its own dictionary.
 */
export function stampPage(page: PdfValue, targets: StampTargets, allocate: () => number): { page: PdfDict; stream: number } | undefined {
  if (!isDict(page)) return undefined;
  const resources = page.get('Resources');
  if (!resources || !isDict(resources)) return undefined;
  const fonts = resources.get('Font') ?? new Map<string, PdfValue>();
  if (!isDict(fonts)) return undefined;
  const stamped = copyDict(page);
  const withFont = copyDict(fonts);
  const open = targets.open;
  withFont.set(FONT_NAME, new PdfRef(targets.font));
  const withResources = copyDict(resources);
  withResources.set('Font', withFont);
  stamped.set('Resources', withResources);
  const stream = allocate();
  stamped.set('Contents', [new PdfRef(open), ...refsOf(page.get('Contents')), new PdfRef(stream)]);
  return { page: stamped, stream };
}

/** The page's media box, as numbers. */
export function mediaBox(page: PdfValue): number[] {
  const box = isDict(page) ? page.get('MediaBox') : undefined;
  const numbers = box && isArray(box) ? box.filter((v): v is number => typeof v === 'number') : [];
  return numbers.length === 4 ? numbers : [0, 0, 595.28, 841.89];
}

/** Writes the stream that closes the page's own content and draws `text` at its foot; nothing is drawn where the font lacks a character. */
export function writeStamp(w: PdfWriter, stamp: PageStamp, text: string, font: StampFont | undefined): void {
  const drawn = font?.encode(text);
  let content = 'Q\n';
  if (drawn) {
    const x = stamp.box[2]! - RIGHT - (drawn.width * SIZE) / 1000;
    const y = stamp.box[1]! + BASELINE;
    content += `/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nq 0.33 g BT /${FONT_NAME} ${writeNumber(SIZE)} Tf ${writeNumber(x)} ${writeNumber(y)} Td <${drawn.hex}> Tj ET Q\nEMC\n`;
  }
  const data = Buffer.from(content, 'latin1');
  w.write(stamp.stream, new Map([['Length', data.length]]), data);
}

/**
 * The stamp's font: a Type0 dictionary of its own naming the chosen font's descendant and map, so
 * that pages could point at it before it was chosen; else any of the pack's fonts, not drawn with;
 * null (as if absent, ISO 32000-1 7.3.9) in a pack with no font it could be.
 */
function writeStampFont(w: PdfWriter, targets: StampTargets, chosen: PdfDict | undefined): void {
  w.write(targets.font, chosen ?? null);
}

/**
 * Numbers every page of the pack from 1, in order, with `label` ("Pack page {page}"): in the font
 * that can draw every number so worded, or the numbers alone where none can.
 */
export function stampPages(
  w: PdfWriter,
  targets: StampTargets,
  stamps: Array<PageStamp | undefined>,
  label: string,
  fontFor: (texts: string[]) => { type0: PdfDict; font: StampFont } | undefined,
  anyFont: () => PdfDict | undefined,
): void {
  const numbers = stamps.map((_, i) => String(i + 1));
  const worded = numbers.map((page) => label.replace('{page}', page));
  const needed = (texts: string[]) => texts.filter((_, i) => stamps[i]);
  if (!targets.used) return;
  writeStampOpening(w, targets);
  let texts = worded;
  let chosen = fontFor(needed(worded));
  if (!chosen) [texts, chosen] = [numbers, fontFor(needed(numbers))];
  writeStampFont(w, targets, chosen?.type0 ?? anyFont());
  stamps.forEach((stamp, i) => stamp && writeStamp(w, stamp, texts[i]!, chosen?.font));
}
