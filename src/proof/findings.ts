// What the proof finds (issue 18): the kinds of make-up fault, and one finding as the build
// reports it, naming the document's output path and the page.

/** The faults the proof looks for, each with what a reader of the build's output is told. */
export const FINDING_KINDS = {
  'clipped-text': 'text clipped or outside the page',
  'stranded-heading': 'a heading at the foot of the page, its content on the next',
  'lone-line': 'one line carried alone to the top of the page',
  'lone-row': 'one table row carried alone to the top of the page',
  'lone-item': 'one list item carried alone to the top of the page',
  'short-last-page': 'the last page used less than a quarter',
  'empty-one-pager': 'the page more than a third empty',
  'broken-title': 'a title broken inside a word',
  'scaled-down': 'the page scaled down',
} as const;

export type FindingKind = keyof typeof FINDING_KINDS;

/** Faults of where the pages break, or of a sheet left empty, which setting the document closer or larger may mend. */
export const RESET_FAULTS: ReadonlySet<FindingKind> = new Set(['stranded-heading', 'lone-line', 'lone-row', 'lone-item', 'short-last-page', 'empty-one-pager']);

/** One fault of one page of a document. */
export interface ProofFinding {
  /** The document's output path, relative to the output folder. */
  path: string;
  /** 1-based. */
  page: number;
  kind: FindingKind;
  /** What was seen, in a few words: the text, a share of the page, a scale. */
  detail: string;
}

/** The finding as one line: `topics/x/x-brief.pdf p. 3: a heading at the foot of the page, ... ("Notes")`. */
export function describeFinding(finding: ProofFinding): string {
  return `${finding.path} p. ${finding.page}: ${FINDING_KINDS[finding.kind]} (${finding.detail})`;
}
