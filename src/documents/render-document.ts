// A document spec to HTML: its view model, its charts, its layout, its page CSS and its metadata.
import type { Facts } from '../facts/facts.js';
import { renderIncentivesChart } from '../render/charts/incentives-chart.js';
import { renderTimelineChart } from '../render/charts/timeline-chart.js';
import { markdownToText } from '../render/format/markdown.js';
import { formatBilingualText } from '../render/format/names.js';
import { renderPageCss } from '../render/page-css.js';
import type { Renderer } from '../render/renderer.js';
import { assertDrawable } from './check-drawable.js';
import { buildProgrammeView } from './programme-view.js';
import { buildTopicView } from './topic-view.js';
import type { DocumentSpec, FitPolicy, PdfMetadata, RenderedDocument } from '../contracts/document.js';
import type { RenderOptions } from '../render/render-options.js';
import type { DocumentView } from './view-types.js';

/** The one-pager is designed at 10 pt and may shrink to 8.5 pt in quarter points (issue 3, item 4). */
export const ONE_PAGER_FIT: FitPolicy = { maxPages: 1, baseFontPt: 10, minFontPt: 8.5, stepPt: 0.25 };

const KIND_WORDS = { brief: 'brief', 'one-pager': 'fact sheet' } as const;

export function buildView(facts: Facts, spec: DocumentSpec, options: Pick<RenderOptions, 'distribution' | 'author'>): DocumentView {
  const viewOptions = { layout: spec.layout, distribution: options.distribution, author: options.author };
  return spec.subject.kind === 'programme'
    ? buildProgrammeView(facts, spec.subject.id, viewOptions)
    : buildTopicView(facts, spec.subject.id, viewOptions);
}

/** Draws the brief's charts into the view; the one-pager has none. */
function addCharts(view: DocumentView): DocumentView {
  if (view.layout !== 'brief') return view;
  const timeline = renderTimelineChart(view.timeline);
  const incentives = renderIncentivesChart(
    view.incentiveComparison.map((r) => ({ programme: r.programme.en, label: r.label, current: r.current, incentive: r.incentive })),
  );
  return { ...view, charts: { timeline, incentives } };
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

/** The document as HTML for the print engine (and, with the shell, the standalone HTML). */
export function renderDocument(renderer: Renderer, facts: Facts, spec: DocumentSpec, options: RenderOptions): RenderedDocument {
  const view = addCharts(buildView(facts, spec, options));
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
  const body = renderer.render(spec.layout, view, { timeoutMs: options.timeoutMs });
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
