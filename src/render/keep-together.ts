// What a line must not break inside (issue 23, item 3; issue 18, item 5): a date written the
// CJK way ("2026年1月16日", "2024년 6월 10일"), a number with its counter and hedge ("約20人",
// "45歳未満"), and a short hyphenated word ("A-levels", "co-op"): each is wrapped in a nowrap
// span in the rendered HTML's text; the stylesheets' `.nw` keeps it whole. A long string with no
// space in it (a URL) is given places to break (<wbr>). Tags, attribute values
// and SVG (where a span is not drawn) are left as they are.

const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}ー';
const CURRENCY = '[¥￥₩$€£]?';
const NUMBER = '\\d[\\d,.]*';

/** Hedges written before a number ("約20人", "最大3万円", "약 20명") and after it ("45歳未満"). */
const BEFORE = '(?:約|约|最大|最多|至少|超过|超過|不足|약 |최대 )?';
const AFTER = '(?:未満|以上|以下|超|程度|前後|余り|以内|左右|미만|이상|이하|초과)?';

/** A CJK date, then a number with its hedge, its units of ten thousand and its counter. */
const CJK_NUMBER = new RegExp(
  [
    `\\d{1,4}年(?:\\d{1,2}月(?:\\d{1,2}日)?)?度?`,
    `\\d{1,2}月\\d{1,2}日`,
    `\\d{4}년 \\d{1,2}월(?: \\d{1,2}일)?`,
    `${BEFORE}${CURRENCY}${NUMBER}(?:[万億兆亿萬억만]+)?(?:[${CJK}%％](?<!ー))?${AFTER}`,
  ].join('|'),
  'gu',
);
/** A word with a hyphen, letters on both sides. */
const HYPHENATED = /(?<![\p{L}\p{N}-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+(?![\p{L}\p{N}-])/gu;
const HAS_CJK = new RegExp(`[${CJK}]`, 'u');

/** A short hyphenated word: at most 12 characters, one of its parts at most 3 ("A-levels", "co-op"). */
function isShortHyphenated(match: string): boolean {
  return match.length <= 12 && match.split('-').some((part) => [...part].length <= 3);
}

/** A string of ASCII with no space in it this long, a URL or an id (with punctuation or digits), is given places to break. */
const LONG_TOKEN = /[!-;=?-~]{28,}/g;
const URL_LIKE = /[/._=?:@\d]/;
/** Where a long string may break: after a URL's punctuation, else every 16 characters; never inside an entity. */
const TOKEN_PIECES = /&[#\w]+;|[^&/?=._-]{1,16}|[/?=._-]+|&/gu;

/**
 * `token` with a <wbr> after each piece: a table or grid column keeps the width its words need
 * (a cell may not break a word anywhere, or "Launched" breaks as "Launche" / "d"), and a long
 * string breaks at its punctuation instead of pushing the page wider (issue 18).
 */
function breakable(token: string): string {
  // Counted as a reader sees it: an entity is one character.
  if (!URL_LIKE.test(token) || token.replace(/&[#\w]+;/g, '&').length < 28) return token;
  return token.replace(TOKEN_PIECES, (piece, offset: number) => (offset + piece.length < token.length ? `${piece}<wbr>` : piece));
}

function keepInText(text: string): string {
  let kept = text;
  if (text.length >= 28) kept = kept.replace(LONG_TOKEN, breakable);
  // Each pattern only where its characters are: most text of an English brief has neither.
  if (/\d/.test(kept) && HAS_CJK.test(kept)) {
    kept = kept.replace(CJK_NUMBER, (match) => (HAS_CJK.test(match) && /\d/.test(match) ? `<span class="nw">${match}</span>` : match));
  }
  if (kept.includes('-')) {
    kept = kept.replace(HYPHENATED, (match, offset: number, whole: string) =>
      isShortHyphenated(match) && !insideTag(whole, offset) ? `<span class="nw">${match}</span>` : match,
    );
  }
  return kept;
}

/** Whether `offset` of a text the first pass wrapped spans into falls inside one of those tags. */
function insideTag(text: string, offset: number): boolean {
  return text.lastIndexOf('<', offset) > text.lastIndexOf('>', offset);
}

/** Elements whose text is not laid out as lines of HTML: left untouched. */
const SKIP = /^<(svg|style|script|title|textarea)\b/i;

/** `html` with dates, numbers with their counters and short hyphenated words wrapped so no line breaks inside them. */
export function keepTogether(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  let skipping: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('<')) {
      if (skipping) {
        if (part.toLowerCase().startsWith(`</${skipping}`)) skipping = null;
      } else {
        const opened = SKIP.exec(part);
        if (opened && !part.endsWith('/>')) skipping = opened[1]!.toLowerCase();
      }
      continue;
    }
    if (!skipping && part) parts[i] = keepInText(part);
  }
  return parts.join('');
}
