// How long an excerpt is, measured so that the limit means the same in every script (issue 23,
// item 5): words where words are spaced (Intl.Segmenter's word-like segments), characters where
// they are not (Chinese, Japanese; Korean Hangul too, to stay on the safe side of fair use).

/** The most words an excerpt may hold in a spaced script. */
export const MAX_EXCERPT_WORDS = 25;
/** The most Chinese, Japanese or Korean characters an excerpt may hold. */
export const MAX_EXCERPT_CJK = 60;

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}ー]/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** An excerpt's length: in characters where it is mostly Chinese, Japanese or Korean, else in words. */
export function excerptLength(text: string): { unit: 'characters' | 'words'; length: number; limit: number } {
  let cjk = 0;
  let visible = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    visible++;
    if (CJK.test(ch)) cjk++;
  }
  // Digits and punctuation inside Japanese text count as the characters they are.
  if (cjk * 2 >= visible && cjk > 0) return { unit: 'characters', length: visible, limit: MAX_EXCERPT_CJK };
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  return { unit: 'words', length: words, limit: MAX_EXCERPT_WORDS };
}

/** Why `text` is too long for an excerpt, or null: "is 190 characters long; ...". */
export function excerptTooLong(text: string): string | null {
  const { unit, length, limit } = excerptLength(text);
  if (length <= limit) return null;
  return `is ${length} ${unit} long; an excerpt holds at most ${MAX_EXCERPT_WORDS} words, or ${MAX_EXCERPT_CJK} characters of Chinese, Japanese or Korean: keep the words that bear the claim out`;
}
