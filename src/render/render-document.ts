// A document's view to HTML: its charts, its layout's template, its page CSS and its metadata. The
// view comes from src/documents; this stage never reads the facts (issue 17).
import { keepTogether } from './keep-together.js';
import { renderIncentivesChart } from './charts/incentives-chart.js';
import { hasUndatedDays, renderTimelineChart } from './charts/timeline-chart.js';
import { markdownToText } from './format/markdown.js';
import { formatBilingualText } from './format/names.js';
import { renderPageCss } from './page-css.js';
import type { Renderer } from './renderer.js';
import { assertDrawable, type CharacterSource } from './check-drawable.js';
import { documentEvidence } from './document-evidence.js';
import type { DocumentChanges, DocumentSpec, PdfMetadata, PdfWords, RenderedDocument } from '../contracts/document.js';
import { LAYOUTS, OUTPUT_KINDS } from '../contracts/layouts.js';
import type { RenderOptions } from './render-options.js';
import type { Wording } from './format/wording.js';
import type { Labels } from './labels.js';
import type { DocumentView } from '../documents/view-types.js';

/** What a layout's templates are given: the view, and the charts drawn from it as inline SVG. */
export type TemplateContext = DocumentView & { charts: Charts };

/** Inline SVG charts; null where there is nothing to draw. */
export interface Charts {
  /** The timeline as a chart, drawn instead of its table (never both): null where the table shows it. */
  timeline: string | null;
  /** The endnotes of the events the timeline chart draws, named under it. */
  timelineNotes: number[];
  /** True where the timeline chart draws a month or a year lighter than a day: its caption says so. */
  timelineSpans: boolean;
  incentives: string | null;
  /** True where the incentives chart's axis is logarithmic: its caption says why. */
  incentivesLog: boolean;
}

/** Most events a timeline is drawn for (issue 18, item 3): past that its table reads better, and is shown instead. */
export const TIMELINE_CHART_MAX = 8;

const NO_CHARTS: Charts = { timeline: null, timelineNotes: [], timelineSpans: false, incentives: null, incentivesLog: false };

/** Draws the charts of a layout that shows them. */
function drawCharts(view: DocumentView, wording: Wording): Charts {
  if (!LAYOUTS[view.layout].parts.charts) return NO_CHARTS;
  const timeline = view.timeline.length <= TIMELINE_CHART_MAX ? renderTimelineChart(view.timeline, wording) : null;
  const timelineNotes = timeline ? [...new Set(view.timeline.flatMap((e) => e.notes))].sort((a, b) => a - b) : [];
  const timelineSpans = timeline !== null && hasUndatedDays(view.timeline);
  const currency = view.money.chartCurrency;
  if (currency === null) return { ...NO_CHARTS, timeline, timelineNotes, timelineSpans };
  // In the comparison currency, each incentive's value in it; else each amount as the data gives it.
  const inComparison = currency === view.money.comparisonCurrency;
  const rows = view.incentiveComparison.flatMap((r) => {
    const amount = inComparison ? r.comparison : r.amount;
    return amount ? [{ programme: r.programme.en, description: r.description, current: r.current, amount }] : [];
  });
  // A programme's chart earns its place only with its own amounts drawn (issue 18): not others' alone.
  if (view.kind === 'programme' && !rows.some((r) => r.current)) return { ...NO_CHARTS, timeline, timelineNotes, timelineSpans };
  const incentives = renderIncentivesChart(rows, currency, wording);
  return { timeline, timelineNotes, timelineSpans, incentives: incentives?.svg ?? null, incentivesLog: incentives?.log ?? false };
}

function metadataOf(view: DocumentView, title: string, options: RenderOptions): PdfMetadata {
  const name = view.titleBlock.name;
  const summary = markdownToText(view.summary);
  return {
    title,
    author: view.titleBlock.author,
    subject: summary.length > 300 ? `${summary.slice(0, 297).replace(/\s+\S*$/, '')}...` : summary,
    keywords: [
      ...new Set([
        ...view.keywords,
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

/**
 * The document as HTML for the printer (and, with the skeleton, the standalone HTML). A character no
 * bundled font draws fails it (issue 11), named with where `sourceOf` says it comes from.
 */
export function renderDocument(renderer: Renderer, view: DocumentView, spec: DocumentSpec, options: RenderOptions, sourceOf: CharacterSource): RenderedDocument {
  const { labels } = renderer;
  const layout = LAYOUTS[spec.layout];
  const heading = view.titleBlock.name ? formatBilingualText(view.titleBlock.name) : view.titleBlock.title;
  const title = labels.text(layout.titleLabel, { title: heading }, view.lang);
  const header = labels.text(layout.titleLabel, { title: view.titleBlock.title }, view.lang);
  // Bounded by --timeout (issue 11): a runaway {{#each}} fails naming its template line.
  const context: TemplateContext = { ...view, charts: drawCharts(view, { labels, lang: view.lang }) };
  const body = keepTogether(renderer.render(layout.template, context, { timeoutMs: options.timeoutMs, lang: view.lang }));
  const pageCss = renderPageCss({
    paper: options.paper,
    layout: spec.layout,
    header,
    distribution: view.titleBlock.distribution,
    pageNumber: labels.text('document.page-number', { page: '{page}', pages: '{pages}' }, view.lang),
    lang: marginLanguage(view, header, body),
  });
  assertDrawable(spec.outputPath, { html: body, text: [header, view.titleBlock.distribution ?? ''] }, sourceOf);
  const leftOut = describeLeftOut(view, labels);
  return {
    key: spec.key,
    spec,
    title,
    lang: view.lang,
    bodyClass: bodyClassOf(spec, options, view.kind),
    body,
    pageCss,
    metadata: metadataOf(view, title, options),
    ...(layout.fit ? { fit: layout.fit } : {}),
    ...(leftOut.length ? { leftOut } : {}),
    attachments: [documentEvidence(view.evidence, spec, title, labels.text('pdf.facts-attachment', {}, view.lang))],
    pdfWords: pdfWordsOf(labels, view.lang),
    ...(view.since ? { changes: changesOf(view.since, (key) => labels.text(key, {}, view.lang)) } : {}),
  };
}

/** How many changes, and what the first few are about: the pack's "What changed" page names them (issue 22). */
function changesOf(since: NonNullable<DocumentView['since']>, word: (key: string) => string): DocumentChanges {
  // Each named with what happened to it: "Changed: Kunpeng Plan (name)", "New: …", "Withdrawn: …".
  const lines = (['changed', 'added', 'removed'] as const).flatMap((type) => since[type].map((line) => ({ type, line })));
  const named = lines.map(({ type, line }) => {
    const what = line.field ? `${line.name} (${word(line.field)})` : line.path ? `${line.name} (${line.path})` : line.name;
    return `${word(`since.${type}`)}: ${shortened(what)}`;
  });
  return { count: since.count, named: [...new Set(named)].slice(0, CHANGES_NAMED) };
}

/** A change as the pack's page names it: at most 80 characters, cut at a word. */
function shortened(text: string): string {
  if (text.length <= 80) return text;
  const cut = text.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')} …`;
}

/** How many changes of a document the pack's "What changed" page names; the rest are counted. */
const CHANGES_NAMED = 3;

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
  const screen = OUTPUT_KINDS[spec.kind].bodyClass;
  return `layout-${spec.layout} paper-${options.paper} subject-${kind}${screen ? ` ${screen}` : ''}`;
}

/**
 * The same document in another format of the same layout (the brief as a PDF and as HTML show
 * one body): rendered once, it is only relabelled.
 */
export function inFormat(doc: RenderedDocument, spec: DocumentSpec, options: RenderOptions): RenderedDocument {
  const was = doc.spec;
  if (!was || spec.layout !== was.layout || spec.subject.kind !== was.subject.kind || spec.subject.id !== was.subject.id) {
    throw new Error(`inFormat: ${doc.key} is not ${spec.key} in another format`);
  }
  return { ...doc, key: spec.key, spec, bodyClass: bodyClassOf(spec, options, spec.subject.kind) };
}

/**
 * The language the running header's Han characters are drawn in (issue 23): the leading name's
 * where it is not the document's; in a document not written in Han, the language of the first
 * name the body marks as Han text (as tag-languages.ts reads unmarked Han); else the document's.
 */
function marginLanguage(view: DocumentView, header: string, body: string): string {
  if (view.titleBlock.name?.lang) return view.titleBlock.name.lang;
  if (/^(zh|ja|ko)\b/i.test(view.lang) || !/\p{Script=Han}/u.test(header)) return view.lang;
  for (const [, lang = '', text = ''] of body.matchAll(/<span lang="([^"]+)"[^>]*>([^<]*)</g)) if (/\p{Script=Han}/u.test(text)) return lang;
  return view.lang;
}
