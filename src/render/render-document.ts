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
import type { DocumentSpec, FitPolicy, PdfMetadata, PdfWords, RenderedDocument } from '../contracts/document.js';
import type { RenderOptions } from './render-options.js';
import type { Wording } from './format/wording.js';
import type { Labels } from './labels.js';
import type { DocumentView } from '../documents/view-types.js';

/** The one-pager is designed at 10 pt and may shrink to 8.5 pt in quarter points (issue 3, item 4). */
export const ONE_PAGER_FIT: FitPolicy = { maxPages: 1, baseFontPt: 10, minFontPt: 8.5, stepPt: 0.25 };

/** The label a document's title and running header are worded by, per layout. */
const TITLE_LABELS = { brief: 'document.brief-title', 'one-pager': 'document.fact-sheet-title' } as const;

/** What a layout's templates are given: the view, and the charts drawn from it as inline SVG. */
export type TemplateContext = DocumentView & { charts: Charts };

/** Inline SVG charts; null where there is nothing to draw. */
export interface Charts {
  timeline: string | null;
  incentives: string | null;
}

/** Draws the brief's charts from its view; the one-pager has none. */
function drawCharts(view: DocumentView, wording: Wording): Charts {
  if (view.layout !== 'brief') return { timeline: null, incentives: null };
  const timeline = renderTimelineChart(view.timeline, wording);
  const currency = view.money.chartCurrency;
  if (currency === null) return { timeline, incentives: null };
  // In the comparison currency, each incentive's value in it; else each amount as the data gives it.
  const inComparison = currency === view.money.comparisonCurrency;
  const rows = view.incentiveComparison.flatMap((r) => {
    const amount = inComparison ? r.comparison : r.amount;
    return amount ? [{ programme: r.programme.en, description: r.description, current: r.current, amount }] : [];
  });
  return { timeline, incentives: renderIncentivesChart(rows, currency, wording) };
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
        ...(name?.native ? [name.native.text] : []),
        ...(name?.native?.romanized ? [name.native.romanized.text] : []),
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
  const { labels } = renderer;
  const heading = view.titleBlock.name ? formatBilingualText(view.titleBlock.name) : view.titleBlock.title;
  const title = labels.text(TITLE_LABELS[spec.layout], { title: heading }, view.lang);
  const fit = spec.layout === 'one-pager' ? ONE_PAGER_FIT : undefined;
  const header = labels.text(TITLE_LABELS[spec.layout], { title: view.titleBlock.title }, view.lang);
  const pageCss = renderPageCss({
    paper: options.paper,
    layout: spec.layout,
    header,
    distribution: view.titleBlock.distribution,
    pageNumber: labels.text('document.page-number', { page: '{page}', pages: '{pages}' }, view.lang),
    fit,
  });
  // Bounded by --timeout (issue 11): a runaway {{#each}} fails naming its template line.
  const context: TemplateContext = { ...view, charts: drawCharts(view, { labels, lang: view.lang }) };
  const body = renderer.render(spec.layout, context, { timeoutMs: options.timeoutMs, lang: view.lang });
  // A character no bundled font draws fails this document, naming where it comes from (issue 11).
  assertDrawable(facts, spec, { html: body, text: [header, view.titleBlock.distribution ?? ''] }, options);
  const leftOut = describeLeftOut(view, labels);
  return {
    spec,
    title,
    lang: view.lang,
    bodyClass: bodyClassOf(spec, options, view.kind),
    body,
    pageCss,
    metadata: metadataOf(facts, view, title, options),
    ...(fit ? { fit } : {}),
    ...(leftOut.length ? { leftOut } : {}),
    attachments: [documentEvidence(facts, view, spec, title, labels.text('pdf.facts-attachment', {}, view.lang))],
    pdfWords: pdfWordsOf(labels, view.lang),
  };
}

/** The words finishing writes into a PDF, in the document's language; placeholders are filled as the PDF is finished. */
export function pdfWordsOf(labels: Labels, lang: string): PdfWords {
  return {
    noteLink: labels.text('pdf.note-link', { number: '{number}' }, lang),
    placeLink: labels.text('pdf.place-link', { place: '{place}' }, lang),
    pageLink: labels.text('pdf.page-link', {}, lang),
    link: labels.text('pdf.link', {}, lang),
  };
}

/** What the view left out for space, worded as the page words it; a glance row's count names its row. */
function describeLeftOut(view: DocumentView, labels: Labels): string[] {
  const { lang } = view;
  const counts: { key: string; count: number; row?: string }[] = [
    { key: 'one-pager.more-takeaways', count: view.leftOut.takeaways },
    { key: 'one-pager.more-key-figures', count: view.leftOut.keyFigures },
    { key: 'one-pager.more-events', count: view.leftOut.events },
    ...view.glance.map((row) => ({ key: 'one-pager.more-items', count: row.more, row: row.label })),
  ];
  return counts
    .filter((c) => c.count > 0)
    .map((c) => `${c.row ? `${labels.text(c.row, {}, lang)}: ` : ''}${labels.text(c.key, { count: c.count }, lang)}`);
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
