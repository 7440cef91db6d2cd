// Columns a terminal gives text (issue 23, item 5): East Asian wide and fullwidth characters take
// two (UAX #11), combining marks none, so a table of Japanese or Korean names lines up.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// The East Asian Wide (W) and Fullwidth (F) blocks: Hangul Jamo, CJK punctuation and ideographs,
// kana, Hangul syllables, compatibility forms, fullwidth forms, emoji and the supplementary ideographs.
const WIDE = /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}]+$/u;

/** The columns `text` takes in a terminal: 2 for each wide character, 0 for marks, else 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (ZERO.test(segment)) continue;
    width += WIDE.test(segment) ? 2 : 1;
  }
  return width;
}

/** `text` padded with spaces to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
