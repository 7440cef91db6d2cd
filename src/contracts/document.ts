// What the stages hand each other about a document: which document it is (the plan's), and the
// document rendered to HTML with what printing it needs (the renderer's, the printer's).
import type { FitPolicy, Format, Layout, OutputKind } from './layouts.js';
import type { Paper } from './paper.js';

/** What a document is about. */
export type SubjectKind = 'programme' | 'topic';
export interface Subject {
  kind: SubjectKind;
  id: string;
}

/** One document the build will produce. */
export interface DocumentSpec {
  /** Stable key, e.g. `programmes/my-programme/one-pager`; sharding and the manifest use it. */
  key: string;
  subject: Subject;
  format: Format;
  /** The format's layout (`FORMAT_TABLE`): what the document shows and how its pages are set. */
  layout: Layout;
  /** The format's kind of file: printed to PDF, or written as HTML. */
  kind: OutputKind;
  /** Path of the output file, relative to the output folder, always with `/`. */
  outputPath: string;
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


/**
 * Words the PDF file editor writes into a file, worded by the labels: what each link does, which
 * assistive technology reads out (PDF/UA-1, 7.18.5).
 */
export interface PdfWords {
  /** A link to a note, e.g. "Note {number}". */
  noteLink: string;
  /** A link to a named place, e.g. "Go to {place}". */
  placeLink: string;
  /** A link to a place given by page and position. */
  pageLink: string;
  /** A link of no kind the editor can tell. */
  link: string;
}

/** A document rendered to HTML, ready for the browser. */
export interface RenderedDocument {
  /** What messages name it by: its spec's key, or e.g. `pack/front-matter`. */
  key: string;
  /** The document of the plan it is; absent for what is printed beside the plan (the pack's front matter). */
  spec?: DocumentSpec;
  /** The document's title, e.g. "Homecoming Fellowship (귀국 펠로십): brief". */
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
  /**
   * What the document left out for space, as its page says it ("2 more takeaways in the brief"):
   * a one-pager never drops content in silence (issue 13, item 8), and the build warns with each.
   */
  leftOut?: string[];
  /** Files the PDF carries embedded (issue 14: the evidence a document cites, as facts.json). */
  attachments?: DocumentAttachment[];
  /** The words finishing writes into the PDF. */
  pdfWords: PdfWords;
  /** In a build with --since, what changed among its facts (issue 22); absent where nothing did. */
  changes?: DocumentChanges;
}

/** What changed in a document since the last edition, as the manifest records it and the pack's "What changed" page lists it. */
export interface DocumentChanges {
  count: number;
  /** What the first few changes are about, as a reader calls each (a name, the start of a statement). */
  named: string[];
}

/** A file embedded in a PDF and associated with it (PDF/A-3's /AF), e.g. the data it rests on. */
export interface DocumentAttachment {
  /** The file's name as a reader's attachments panel shows it, e.g. `facts.json`. */
  name: string;
  /** Its media type, e.g. `application/json`. */
  mimeType: string;
  /** One line on what it holds. */
  description: string;
  /** How it relates to the document (ISO 32000-2 /AFRelationship): `Data`, `Source`, `Supplement`... */
  relationship: 'Data' | 'Source' | 'Supplement' | 'Alternative' | 'Unspecified';
  /** Its content; the same value gives the same bytes. */
  content: string;
}

/**
 * The page every document is printed in: a complete HTML document with an empty body, its fonts
 * and shared styles referenced as file:// URLs, loaded once per browser page.
 */
export interface Skeleton {
  html: string;
  paper: Paper;
}
