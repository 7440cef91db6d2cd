// What a document looks like and what file it becomes are two axes (issue 17; Pandoc's one
// document model and many writers): a layout (brief, one-pager) says what a document shows and
// how its pages are set; an output kind (PDF, HTML) says what file it is written as. A format, what
// `--format` and the manifest name, is one layout in one kind. These three tables are the only
// place that says which layout or kind a document is: every stage reads them, none compares names.

/** How a document that must fit a number of pages may shrink to fit (issue 3: the one-pager). */
export interface FitPolicy {
  maxPages: number;
  /** The body type size the layout is designed at, in points. */
  baseFontPt: number;
  /** The smallest body type size it may shrink to, in points. */
  minFontPt: number;
  /** How much each step shrinks, in points. */
  stepPt: number;
}

/** Page margins in millimetres. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Which parts of the data a layout shows. */
export interface LayoutParts {
  /** The subject's sections of analysis. */
  sections: boolean;
  /** The incentives table, and the chart comparing them with other programmes'. */
  incentives: boolean;
  /** People and organisations. */
  people: boolean;
  quotes: boolean;
  /** "What is not known". */
  openQuestions: boolean;
  /** The timeline and incentives charts (SVG). */
  charts: boolean;
  /**
   * Blocks shown only where the page has room (a quote, what is not known, further takeaways), which
   * fitting drops, lowest priority first, before it shrinks the type (issue 18, item 4).
   */
  fill: boolean;
}

/** How many of each list a layout shows; the rest are counted on the page ("2 more in the brief"). Infinity: all. */
export interface LayoutLimits {
  takeaways: number;
  keyFigures: number;
  /** Events of the timeline; a shortened timeline keeps the subject's own first. */
  timeline: number;
  /** Items of a row at a glance (targets, incentives). */
  glanceItems: number;
}

/** One layout: its template, words, page and what it shows. */
export interface LayoutSpec {
  /** Its template in `layouts/`, e.g. `layouts/brief.hbs`. */
  template: string;
  /** The label of its title and running header ("{title}: brief"). */
  titleLabel: string;
  /** The label of the kicker over its title, by what the document is about. */
  kickerLabel: { programme: string; topic: string };
  /** Its own page size in millimetres (a 16:9 slide); undefined: the run's paper. */
  pageSize?: { widthMm: number; heightMm: number };
  margins: Margins;
  /** How it shrinks to fit a number of pages; undefined: it runs to as many pages as it needs. */
  fit?: FitPolicy;
  /**
   * Classes that set a document a little closer, looser or larger, tried in turn where the proof
   * finds a fault a re-set may mend (issue 18): a page break, a sheet left empty. Empty: it is
   * printed once.
   */
  resets: readonly string[];
  parts: LayoutParts;
  limits: LayoutLimits;
}

const ALL = Infinity;

const LAYOUT_TABLE = {
  brief: {
    template: 'brief',
    titleLabel: 'document.brief-title',
    kickerLabel: { programme: 'document.programme-brief', topic: 'document.topic-brief' },
    margins: { top: 20, right: 19, bottom: 18, left: 19 },
    resets: ['closer-1', 'closer-2', 'closer-3', 'closer-4', 'looser-1', 'looser-2'],
    parts: { sections: true, incentives: true, people: true, quotes: true, openQuestions: true, charts: true, fill: false },
    // Eight key figures in the grid (issue 18, item 2): the rest in a table under it.
    limits: { takeaways: ALL, keyFigures: 8, timeline: ALL, glanceItems: ALL },
  },
  'one-pager': {
    template: 'one-pager',
    titleLabel: 'document.fact-sheet-title',
    kickerLabel: { programme: 'document.fact-sheet', topic: 'document.fact-sheet' },
    // Tighter margins to fit; designed at 10 pt, it may shrink to 8.5 pt in quarter points (issue 3, item 4).
    margins: { top: 15, right: 14, bottom: 14, left: 14 },
    fit: { maxPages: 1, baseFontPt: 10, minFontPt: 8.5, stepPt: 0.25 },
    // A sheet a third empty is set larger (the fit step still shrinks what then runs over).
    resets: ['larger-1', 'larger-2', 'larger-3'],
    parts: { sections: false, incentives: false, people: false, quotes: false, openQuestions: true, charts: false, fill: true },
    limits: { takeaways: 4, keyFigures: 6, timeline: 5, glanceItems: 3 },
  },
} as const satisfies Record<string, LayoutSpec>;

export type Layout = keyof typeof LAYOUT_TABLE;
/** Every layout, by name. */
export const LAYOUTS: Readonly<Record<Layout, LayoutSpec>> = LAYOUT_TABLE;
export const LAYOUT_NAMES = Object.keys(LAYOUTS) as Layout[];

/** One kind of output file. */
export interface OutputKindSpec {
  /** The file name's extension, with its dot. */
  extension: string;
  /** Printed by the browser into a PDF, and part of the packs; otherwise written as it is rendered. */
  printed: boolean;
  /** A class on <body> for the styles of this kind ('' for none): the HTML shows the page as a sheet on screen. */
  bodyClass: string;
  /** Its bytes are compressed already: an archive stores them as they are. */
  compressed: boolean;
}

export const OUTPUT_KINDS = {
  pdf: { extension: '.pdf', printed: true, bodyClass: '', compressed: true },
  // Self-contained, fonts embedded: looks like the PDF on screen.
  html: { extension: '.html', printed: false, bodyClass: 'format-html', compressed: false },
} as const satisfies Record<string, OutputKindSpec>;

export type OutputKind = keyof typeof OUTPUT_KINDS;


/** One format: a layout written as one kind of file. */
export interface FormatSpec {
  layout: Layout;
  kind: OutputKind;
  /** What follows the subject's id in the file's name, before the extension: `qiming-brief.pdf`. */
  fileSuffix: string;
}

export const FORMAT_TABLE = {
  brief: { layout: 'brief', kind: 'pdf', fileSuffix: '-brief' },
  'one-pager': { layout: 'one-pager', kind: 'pdf', fileSuffix: '-one-pager' },
  html: { layout: 'brief', kind: 'html', fileSuffix: '' },
} as const satisfies Record<string, FormatSpec>;

export type Format = keyof typeof FORMAT_TABLE;

/** The format `brief preview` shows every layout in: a page on screen. */
export const SCREEN_FORMAT: Format = 'html';

/** The formats, in the order a subject's documents are planned. */
export const FORMATS = Object.keys(FORMAT_TABLE) as Format[];

/** Whether documents of this format are printed to PDF (and so go into packs). */
export function isPrinted(format: Format): boolean {
  return OUTPUT_KINDS[FORMAT_TABLE[format].kind].printed;
}

/** The format a document key ends with (`programmes/qiming/brief`), or undefined for a key that names none. */
export function formatOfKey(key: string): Format | undefined {
  const last = key.slice(key.lastIndexOf('/') + 1);
  return Object.hasOwn(FORMAT_TABLE, last) ? (last as Format) : undefined;
}

/** Whether a document key (ending with its format) names a printed document. */
export function isPrintedKey(key: string): boolean {
  const format = formatOfKey(key);
  return format !== undefined && isPrinted(format);
}

/** Whether a file (a document, a pack) is of a kind whose bytes are compressed already. */
export function isCompressedOutput(path: string): boolean {
  return Object.values(OUTPUT_KINDS).some((kind) => kind.compressed && path.endsWith(kind.extension));
}

/** A subject's output file name in a format: `qiming-brief.pdf`, `qiming.html`. */
export function outputFileName(id: string, format: Format): string {
  const spec = FORMAT_TABLE[format];
  return `${id}${spec.fileSuffix}${OUTPUT_KINDS[spec.kind].extension}`;
}
