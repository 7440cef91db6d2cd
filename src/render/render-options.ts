// What a document is rendered with, beyond its data and templates: the options asked for, the
// tool, and the date written into it.
import type { Paper } from '../contracts/paper.js';
import type { Facts } from '../facts/facts.js';
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
  /** The date written into the PDF: SOURCE_DATE_EPOCH, else the dataset's as-of date. */
  date: Date;
  /** Rendering a document's templates gives up after this long (`--timeout`); default 30 s. */
  timeoutMs?: number;
  /** http(s) images may be shown (`--allow-remote`): the self-contained HTML's policy lets them load. */
  allowRemote?: boolean;
}

/** The date written into every document: `sourceDateEpoch` (seconds) when given, else the data's as-of date. */
export function documentDate(facts: Facts, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch !== undefined) return new Date(sourceDateEpoch * 1000);
  const [year, month, day] = String(facts.meta.asOf).split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** What a build or the preview renders documents with: the options asked for, the tool, the date. */
export function renderOptionsFor(
  facts: Facts,
  options: { paper: Paper; distribution?: string; author?: string; timeoutMs?: number; allowRemote?: boolean; sourceDateEpoch?: number },
): RenderOptions {
  return {
    paper: options.paper,
    distribution: options.distribution,
    author: options.author,
    creator: TOOL.creator,
    date: documentDate(facts, options.sourceDateEpoch),
    timeoutMs: options.timeoutMs,
    allowRemote: options.allowRemote,
  };
}
