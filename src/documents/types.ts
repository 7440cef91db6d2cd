// What documents exist and what a rendered document hands to the PDF engine.

/** The output formats; `html` is a self-contained file that looks like the PDF on screen. */
export const FORMATS = ['brief', 'one-pager', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The paper sizes a PDF can be printed on. */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** What a document is about. */
export type SubjectKind = 'programme' | 'topic';
export interface Subject {
  kind: SubjectKind;
  id: string;
}

/** One document the build will produce. */
export interface DocumentSpec {
  /** Stable key, e.g. `programmes/qiming/one-pager`; sharding and the manifest use it. */
  key: string;
  subject: Subject;
  format: Format;
  /** For `html`: the layout it shows on screen. */
  layout: 'brief' | 'one-pager';
  /** Path of the output file, relative to the output folder, always with `/`. */
  outputPath: string;
}

/** Options that change what a document looks like. */
export interface RenderOptions {
  paper: Paper;
  /** Overrides the dataset's distribution marking. */
  distribution?: string;
  /** Overrides the dataset's author or office. */
  author?: string;
  /** The tool's name and version, written as the PDF's Creator. */
  creator: string;
  /** The date written into the PDF: SOURCE_DATE_EPOCH, else the dataset's as-of date. */
  date: Date;
  /** Rendering a document's templates gives up after this long (`--timeout`); default 30 s. */
  timeoutMs?: number;
  /** http(s) images may be shown (`--allow-remote`): the self-contained HTML's policy lets them load. */
  allowRemote?: boolean;
}

/** The PDF's document information. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  language: string;
  date: Date;
}

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

/** A document rendered to HTML, ready for the browser. */
export interface RenderedDocument {
  spec: DocumentSpec;
  /** The document's title, e.g. "Qiming (启明): brief". */
  title: string;
  /** BCP 47 language of the document. */
  lang: string;
  /** Class names for <body>, e.g. `layout-brief paper-a4`. */
  bodyClass: string;
  /** The HTML inside <body>. */
  body: string;
  /** Per-document CSS (page size, running header), placed after the shared styles. */
  pageCss: string;
  metadata: PdfMetadata;
  fit?: FitPolicy;
}
