// The fonts a document's text needs, loaded before it is printed (issue 21). page.pdf() does not
// wait for web fonts (MEASURED.md), and Chromium asks for a unicode-range slice only when layout
// meets a character in it: so each swap used to force a layout of the whole body at screen width,
// only to have printing lay it out again at the page's. Loading, instead, every face of the
// skeleton whose range holds a character of the text costs a walk over the text: the faces stay
// loaded for the page's next documents. (A face of a weight the text does not use may load too;
// it is never drawn, so the PDF is the same.)

/** The global the print page keeps the loader under (installed once, with the skeleton). */
export const LOAD_TEXT_FONTS = '__briefLoadTextFonts';

/** Loads the faces `text` needs that are not loaded yet; evaluated in the browser, so self-contained. */
export function loadTextFonts(text: string): Promise<unknown> {
  // Each face's ranges, read once a page.
  const cache = globalThis as unknown as { __briefFaceRanges?: WeakMap<FontFace, Array<[number, number]>> };
  const known = (cache.__briefFaceRanges ??= new WeakMap());
  const rangesOf = (face: FontFace) => {
    let ranges = known.get(face);
    if (!ranges) {
      ranges = [];
      for (const [, from = '', to] of face.unicodeRange.matchAll(/U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?/g)) {
        ranges.push([parseInt(from.replaceAll('?', '0'), 16), parseInt((to ?? from).replaceAll('?', 'F'), 16)]);
      }
      known.set(face, ranges);
    }
    return ranges;
  };
  const points = [...new Set(Array.from(text, (c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  /** Whether a sorted point lies in [from, to]: the first point at or after `from`, by halving. */
  const holds = ([from, to]: [number, number]) => {
    let [low, high] = [0, points.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (points[middle]! < from) low = middle + 1;
      else high = middle;
    }
    return low < points.length && points[low]! <= to;
  };
  const loads: Promise<unknown>[] = [];
  // Iterated, not forEach: with scripting off, the page runs no callback a DOM method calls back.
  for (const face of document.fonts as unknown as Iterable<FontFace>) {
    if (face.status === 'unloaded' && rangesOf(face).some(holds)) loads.push(face.load().catch(() => undefined));
  }
  return Promise.all(loads);
}
