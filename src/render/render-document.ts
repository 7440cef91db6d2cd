// A document spec to HTML: its view model, its charts, its layout, its page CSS and its metadata.
import type { Facts } from '../facts/facts.js';
import { renderIncentivesChart } from './charts/incentives-chart.js';
import { renderTimelineChart } from './charts/timeline-chart.js';
import { markdownToText } from './format/markdown.js';
import { formatBilingualText } from './format/names.js';
import { renderPageCss } from './page-css.js';
import type { Renderer } from './renderer.js';
import { assertDrawable } from './check-drawable.js';
import { documentEvidence } from './document-evidence.js';
import { buildView } from '../documents/build-view.js';
import type { DocumentSpec, FitPolicy, PdfMetadata, RenderedDocument } from '../contracts/document.js';
import type { RenderOptions } from './render-options.js';
import type { DocumentView } from '../documents/view-types.js';

/** The one-pager is designed at 10 pt and may shrink to 8.5 pt in quarter points (issue 3, item 4). */
export const ONE_PAGER_FIT: FitPolicy = { maxPages: 1, baseFontPt: 10, minFontPt: 8.5, stepPt: 0.25 };

const KIND_WORDS = { brief: 'brief', 'one-pager': 'fact sheet' } as const;

/** What a layout's templates are given: the view, and the charts drawn from it as inline SVG. */
export type TemplateContext = DocumentView & { charts: Charts };

/** Inline SVG charts; null where there is nothing to draw. */
export interface Charts {
  timeline: string | null;
  incentives: string | null;
}

/** Draws the brief's charts from its view; the one-pager has none. */
function drawCharts(view: DocumentView): Charts {
  if (view.layout !== 'brief') return { timeline: null, incentives: null };
  const timeline = renderTimelineChart(view.timeline);
  const incentives = renderIncentivesChart(
    view.incentiveComparison.map((r) => ({ programme: r.programme.en, label: r.label, current: r.current, incentive: r.incentive })),
  );
  return { timeline, incentives };
}

function metadataOf(facts: Facts, view: DocumentView, title: string, options: RenderOptions): PdfMetadata {
  const name = view.titleBlock.name;
  const summary = markdownToText(view.summary);
  return {
    title,
    author: view.titleBlock.author,
    subject: summary.length > 300 ? `${summary.slice(0, 297).replace(/\s+\S*$/, '')}...` : summary,
    keywords: [
      ...new Set([
        ...(facts.meta.keywords ?? []),
        view.titleBlock.title,
        ...(name?.zh ? [name.zh] : []),
        ...(name?.pinyin ? [name.pinyin] : []),
      ]),
    ],
    creator: options.creator,
    producer: options.creator,
    language: view.lang,
    date: options.date,
  };
}

/** The document as HTML for the printer (and, with the skeleton, the standalone HTML). */
export function renderDocument(renderer: Renderer, facts: Facts, spec: DocumentSpec, options: RenderOptions): RenderedDocument {
  const view = buildView(facts, spec, options);
  const heading = view.titleBlock.name ? formatBilingualText(view.titleBlock.name) : view.titleBlock.title;
  const title = `${heading}: ${KIND_WORDS[spec.layout]}`;
  const fit = spec.layout === 'one-pager' ? ONE_PAGER_FIT : undefined;
  const header = `${view.titleBlock.title}: ${KIND_WORDS[spec.layout]}`;
  const pageCss = renderPageCss({
    paper: options.paper,
    layout: spec.layout,
    header,
    distribution: view.titleBlock.distribution,
    fit,
  });
  // Bounded by --timeout (issue 11): a runaway {{#each}} fails naming its template line.
  const context: TemplateContext = { ...view, charts: drawCharts(view) };
  const body = renderer.render(spec.layout, context, { timeoutMs: options.timeoutMs });
  // A character no bundled font draws fails this document, naming where it comes from (issue 11).
  assertDrawable(facts, spec, { html: body, text: [header, view.titleBlock.distribution ?? ''] }, options);
  return {
    spec,
    title,
    lang: view.lang,
    bodyClass: bodyClassOf(spec, options, view.kind),
    body,
    pageCss,
    metadata: metadataOf(facts, view, title, options),
    ...(fit ? { fit } : {}),
    attachments: [documentEvidence(facts, view, spec, title)],
  };
}

function bodyClassOf(spec: DocumentSpec, options: RenderOptions, kind: DocumentView['kind']): string {
  return `layout-${spec.layout} paper-${options.paper} subject-${kind}${spec.format === 'html' ? ' format-html' : ''}`;
}

/**
 * The same document in another format of the same layout (the brief as a PDF and as HTML show
 * one body): rendered once, it is only relabelled.
 */
export function inFormat(doc: RenderedDocument, spec: DocumentSpec, options: RenderOptions): RenderedDocument {
  if (spec.layout !== doc.spec.layout || spec.subject.kind !== doc.spec.subject.kind || spec.subject.id !== doc.spec.subject.id) {
    throw new Error(`inFormat: ${doc.spec.key} is not ${spec.key} in another format`);
  }
  return { ...doc, spec, bodyClass: bodyClassOf(spec, options, spec.subject.kind) };
}
