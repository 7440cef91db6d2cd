// Why an excerpt that is not in its source's text is still not there (issue 20, item 16): where
// the two match once a difference a reader cannot easily see is set aside, the message names it.

interface Fold {
  fold: (text: string) => string;
  /** Completes "it would match ...". */
  reason: string;
}

const FOLDS: readonly Fold[] = [
  {
    // "gov- ernment": a word broken across a line; "gov-ernment": a soft hyphen copied as "-".
    fold: (text) => text.replace(/(\p{L})- ?(?=\p{L})/gu, '$1'),
    reason:
      'with the hyphens inside words left out: one side breaks a word with a hyphen (a line break, or a soft hyphen U+00AD copied as "-") where the other does not',
  },
  {
    fold: (text) => text.toLowerCase(),
    reason: 'if capital and small letters were not told apart: copy the capitals as the text has them',
  },
];

/** The folded forms of the last few texts: each text is folded once however many excerpts miss. */
const folded = new Map<string, string[]>();

function foldedForms(haystack: string): string[] {
  let forms = folded.get(haystack);
  if (!forms) {
    if (folded.size >= 4) folded.clear();
    forms = [...FOLDS.map(({ fold }) => fold(haystack)), foldAll(haystack)];
    folded.set(haystack, forms);
  }
  return forms;
}

const foldAll = (text: string) => FOLDS.reduce((t, { fold }) => fold(t), text);

/** "it would match ..." where a fold makes the (normalised) excerpt appear in the text; else null. */
export function explainNearMatch(haystack: string, needle: string): string | null {
  const forms = foldedForms(haystack);
  for (const [i, { fold, reason }] of FOLDS.entries()) {
    if (forms[i]!.includes(fold(needle))) return `it would match ${reason}`;
  }
  if (forms[FOLDS.length]!.includes(foldAll(needle))) return `it would match ${FOLDS.map((f) => f.reason.split(':')[0]).join(' and ')}`;
  return null;
}
