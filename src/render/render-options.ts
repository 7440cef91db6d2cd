// What a document is rendered with, beyond its view and templates: the options asked for, the
// tool, and the date written into it.
import type { Paper } from '../contracts/paper.js';
import { TOOL } from '../package.js';

/** Options that change what a document looks like. */
export interface RenderOptions {
  paper: Paper;
  /** Overrides the dataset's distribution marking. */
  distribution?: string;
  /** Overrides the dataset's author or office. */
  author?: string;
  /** The tool's name and version, written as the PDF's Creator. */
  creator: string;
  /** The date written into the PDF: SOURCE_DATE_EPOCH, else the dataset's as-of date (documents/document-date.ts). */
  date: Date;
  /** Rendering a document's templates gives up after this long (`--timeout`). */
  timeoutMs?: number;
  /** http(s) images may be shown (`--allow-remote`): the self-contained HTML's policy lets them load. */
  allowRemote?: boolean;
}

/** What a build or the preview renders documents with: the options asked for, the tool, the date. */
export function renderOptionsFor(options: { paper: Paper; date: Date; distribution?: string; author?: string; timeoutMs?: number; allowRemote?: boolean }): RenderOptions {
  return {
    paper: options.paper,
    distribution: options.distribution,
    author: options.author,
    creator: TOOL.creator,
    date: options.date,
    timeoutMs: options.timeoutMs,
    allowRemote: options.allowRemote,
  };
}
