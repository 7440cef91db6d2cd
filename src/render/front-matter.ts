// The pack's cover and table of contents: templates/pack/, read and rendered as every template
// is, and printed by the same printer as the documents so they share fonts and styles.
import type { PdfMetadata, RenderedDocument, SubjectKind } from '../contracts/document.js';
import { PAPER_SIZES, type Paper } from '../contracts/paper.js';
import type { DateValue } from '../facts/schema.js';
import { cssString, marginFont } from './page-css.js';
import { cjkFamilyFor } from '../fonts/font-slices.js';
import type { Renderer } from './renderer.js';
import type { Labels } from './labels.js';
import { pdfWordsOf } from './render-document.js';
import { formatDate } from './format/dates.js';
import type { TemplateSet } from './template-set.js';

/** One line of the table of contents. */
export interface ContentsEntry {
  title: string;
  /** The document's format: `brief` or `one-pager` (the labels word it). */
  format: string;
  /** The page in the pack where the document starts, from 1. */
  page: number;
  /** Where its entry links to: the pack turns it into a link to that page (src/pdf/pack-links.ts). */
  href: string;
}

/** A document that changed since the last edition, on the pack's "What changed" page (issue 22). */
export interface ChangedEntry extends ContentsEntry {
  /** How many changes. */
  count: number;
  /** What the first few are about. */
  named: string[];
  /** Changes not named. */
  more: number;
}

/** What the cover and the contents show; their own words come from the labels. */
export interface FrontMatterView {
  title: string;
  /** Who the pack is for (an audience's title, issue 14); null for everyone. */
  audience: string | null;
  asOf: DateValue;
  edition: string | null;
  author: string;
  distribution: string | null;
  documentCount: number;
  /** Programmes, then topics: `kind` picks the heading's label (`pack.programme`, `pack.topic`). */
  groups: { kind: SubjectKind; entries: ContentsEntry[] }[];
  /** In a build with --since, the previous edition's as-of date (ISO); else null. */
  previousAsOf: string | null;
  /** The documents that changed since it, in pack order: the "What changed" page after the contents; none, no page. */
  changed: ChangedEntry[];
}

/** The texts the front matter is made from, as part of the pack's input hash. */
export function frontMatterSources(templates: TemplateSet): { cover: string; contents: string; css: string } {
  // The labels they print count too: the cover's own words come from them.
  const own = (entries: ReadonlyMap<string, { value: unknown }>) => [...entries].filter(([key]) => /^(pack|document)\./.test(key)).map(([key, e]) => [key, e.value]);
  const translations = [...templates.labels.languages].map(([tag, entries]) => [tag, own(entries)]);
  const labels = JSON.stringify([own(templates.labels.entries), translations, [...templates.labels.reworded]]);
  const contents = `${templates.pack.contents!.source}\0${templates.pack.changes!.source}\0${labels}`;
  return { cover: templates.pack.cover!.source, contents, css: packCss(templates) };
}

/** The front matter as a document the printer prints. */
export function renderFrontMatter(
  renderer: Renderer,
  templates: TemplateSet,
  view: FrontMatterView,
  paper: Paper,
  metadata: PdfMetadata,
): RenderedDocument {
  const call = { lang: metadata.language };
  // The "What changed" page only where there is one: a build without --since prints what it did before.
  const parts = ['cover', 'contents', 'changes'].map((name) => renderer.render(`pack/${name}`, view, call));
  const body = parts.filter((html) => html.trim() !== '').join('\n');
  return {
    key: 'pack/front-matter',
    title: view.title,
    lang: metadata.language,
    bodyClass: `pack-front paper-${paper}`,
    body,
    pageCss: `@page { size: ${PAPER_SIZES[paper].css}; }\n${packCss(templates)}${markingCss(view.distribution, metadata.language)}`,
    metadata,
    pdfWords: pdfWordsOf(renderer.labels, metadata.language),
  };
}

/** The pack's own words; `pageNumber` keeps its {page} and `contentsLink` its {title} for the pack to fill. */
export interface PackWording {
  title: string;
  subject: string;
  contents: string;
  pageNumber: string;
  contentsLink: string;
}

/** The pack's own words in its language: its PDF title and subject, and its contents' bookmark. */
export function packWording(labels: Labels, pack: { title: string; audience: string | null; documentCount: number; asOf: DateValue; lang: string }): PackWording {
  const { lang } = pack;
  const title = pack.audience === null
    ? labels.text('pack.pdf-title', { title: pack.title }, lang)
    : labels.text('pack.pdf-title-for-audience', { title: pack.title, audience: pack.audience }, lang);
  const documents = labels.text('pack.documents', { count: pack.documentCount }, lang);
  return {
    title,
    subject: labels.text('pack.pdf-subject', { documents, date: formatDate(pack.asOf, 'long', lang) }, lang),
    contents: labels.text('pack.contents', {}, lang),
    pageNumber: labels.text('pack.page-number', { page: '{page}' }, lang),
    contentsLink: labels.text('pack.contents-link', { title: '{title}' }, lang),
  };
}

/** The marking on every page after the cover (which shows it boxed), as the documents carry it in their running header (issue 14). */
function markingCss(distribution: string | null, lang: string): string {
  if (!distribution) return '';
  // English packs keep their short stack; a CJK pack's marking is drawn in its language's family (issue 23).
  const font = cjkFamilyFor(lang) ? marginFont(lang) : "font-family:'Noto Sans','Noto Serif','Noto Sans SC',sans-serif;font-size:7.5pt;color:#333;";
  return `\n@page { @top-right { content: ${cssString(distribution.toUpperCase())}; ${font} font-weight:700; letter-spacing:0.06em; } }\n@page :first { @top-right { content: none; } }`;
}

function packCss(templates: TemplateSet): string {
  return templates.packStyles.map((file) => file.source).join('\n');
}
