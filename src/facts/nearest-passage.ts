// Where an excerpt that is not in its source's text parts from it (issue 23, item 5): the passage
// of the text that begins as the excerpt does, and the first character where the two differ, so
// a wave dash, a bracket or a width variant can be seen without comparing them letter by letter.

/** At least this many characters must agree before a passage counts as the nearest. */
const MIN_AGREEING = 4;
const SHOWN = 24;

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  const cp = ch.codePointAt(0)!;
  return `"${ch}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** The longest start of `needle` that `haystack` holds, and where. */
function longestStart(haystack: string, needle: string): { length: number; at: number } {
  let low = 0;
  let high = needle.length;
  let at = -1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const found = haystack.indexOf(needle.slice(0, mid));
    if (found >= 0) [low, at] = [mid, found];
    else high = mid - 1;
  }
  return { length: low, at };
}

/**
 * "the nearest passage is "…" (from character 31 of the excerpt it has "〜" (U+301C) where the
 * excerpt has "x" (U+0078))"; null where no passage starts as the excerpt does. Both texts are
 * compared as matching compares them (normalised).
 */
export function describeNearest(haystack: string, needle: string): string | null {
  // The excerpt's start, else its end (a typo near the start leaves the rest to be found).
  const fromStart = longestStart(haystack, needle);
  if (fromStart.length >= MIN_AGREEING) {
    const [at, n] = [fromStart.at, fromStart.length];
    const start = Math.max(at, at + n - SHOWN);
    const passage = `${start > at ? '…' : ''}${haystack.slice(start, at + n + 8)}…`;
    return `the nearest passage in the text is "${passage}": from character ${[...needle.slice(0, n)].length + 1} of the excerpt it has ${describeChar([...haystack.slice(at + n)][0])} where the excerpt has ${describeChar([...needle.slice(n)][0])}`;
  }
  return null;
}
