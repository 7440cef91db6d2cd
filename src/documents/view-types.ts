// What the templates show: every field is present (null or [] when empty), because templates
// compile in strict mode and a missing field is an error (issue 3). Words that are not data are
// label keys (`heading.notes`, `level.national`) for the labels file to word (issue 13, item 6).
import type { AttributionKind, Confidence, DateValue, Figure, Incentive } from '../facts/schema.js';
import type { Layout } from '../contracts/layouts.js';
import type { EvidenceView } from './evidence-view.js';
import type { SinceView } from './since-types.js';

/** A name in its own script: its text, its language (BCP 47), its direction and a romanisation. */
export interface NativeNameView {
  text: string;
  lang: string;
  /** `rtl` for Arabic, Hebrew and the other scripts written right to left. */
  dir: 'ltr' | 'rtl';
  romanized: { text: string; system: string } | null;
}

/** A name in the document's language with its native form where known, for the `bilingual` helper. */
export interface NameView {
  /** The name that leads: the English one, or the native one where it is in the document's language (issue 23). */
  en: string;
  /** The leading name's language and direction, where it is not the document's. */
  lang?: string; dir?: 'ltr' | 'rtl';
  native: NativeNameView | null;
}

/** The title block and running header. */
export interface TitleBlockView {
  /** The series the document belongs to (the dataset's title). */
  series: string;
  /** A label key: `document.programme-brief`, `document.topic-brief`, `document.fact-sheet`. */
  kicker: string;
  /** The title in plain text, in the document's language. */
  title: string;
  /** The programme's name with its native form; null for a topic. */
  name: NameView | null;
  /** The native name in Latin letters, where given. */
  romanized: string | null;
  /** Other names of the programme. */
  aliases: string[];
  /** A topic's subtitle. */
  subtitle: string | null;
  /** Markdown: what the name means, e.g. "Enlightenment". */
  gloss: string | null;
  asOf: DateValue;
  edition: string | null;
  /** The previous edition's as-of date (ISO) in a build made with --since; else null. */
  previousAsOf: string | null;
  author: string;
  distribution: string | null;
  /** The marking the title block shows: null where the page's running header is its one place (a one-page sheet). */
  marking: string | null;
}

export type { AmountView, ComparisonView, MoneyView, Qualifier, RateView } from './money-types.js';
import type { AmountView, ComparisonView, MoneyView } from './money-types.js';

/** An incentive as a glance row lists it. */
export interface GlanceIncentive {
  description: string;
  amount: AmountView;
  /** Its value in the comparison currency where that differs from its own; else null. */
  comparison: ComparisonView | null;
}

/** One row of the at-a-glance table; exactly one of text, term, name, date, items or incentives is set. */
export interface GlanceRow {
  /** A label key, e.g. `glance.sponsor`. */
  label: string;
  /** A label key for a value the schema names (`level.national`, `status.active`), with `text` beside it. */
  term: string | null;
  text: string | null;
  name: NameView | null;
  date: DateValue | null;
  items: string[] | null;
  incentives: GlanceIncentive[] | null;
  /** Items a one-pager left out of this row for space: the page says how many. */
  more: number;
  notes: number[];
}

/** A key figure as reported, with its endnotes. */
export interface KeyFigureView {
  /** What it counts, as the data labels it. */
  caption: string;
  figure: Pick<Figure, 'value' | 'qualifier' | 'unit'>;
  asOf: DateValue | null;
  note: string | null;
  notes: number[];
}

export interface SectionView {
  heading: string;
  /** Markdown. */
  body: string;
  notes: number[];
}

export interface TimelineEventView {
  date: DateValue;
  approximate: boolean;
  /** Markdown. */
  event: string;
  notes: number[];
}

/** One incentive of one programme. */
export interface IncentiveRowView {
  programmeId: string;
  programme: NameView;
  /** True for the programme the document is about. */
  current: boolean;
  description: string;
  /** A label key: `incentive-kind.grant`. */
  kind: string;
  recipient: string | null;
  amount: AmountView | null;
  comparison: ComparisonView | null;
  note: string | null;
  notes: number[];
}

export interface PersonView {
  name: string;
  native: NativeNameView | null;
  role: string;
  affiliation: string | null;
  notes: number[];
}

export interface OrganisationView {
  name: NameView;
  abbreviation: string | null;
  /** A label key: `organisation-kind.government`. */
  kind: string;
  jurisdiction: string | null;
}

/** A source as the source list cites it in full, once. */
export interface SourceView {
  /** Its place in the document's source list, from 1. */
  number: number;
  publisher: string;
  headline: string;
  date: DateValue;
  dateline: string | null;
  byline: string | null;
  url: string | null;
}

export interface QuoteView {
  words: string;
  speaker: string;
  role: string;
  context: string | null;
  /** Where in the source: "p. 3". */
  locator: string | null;
  /** The source list's entry. */
  source: SourceView;
}

export interface RelatedView {
  /** `relation`: a label key, `relation.predecessor`. */
  programmes: { name: NameView; relation: string }[];
  topics: { title: string }[];
}

/** A programme in a topic's overview table. */
export interface ProgrammeRowView {
  name: NameView;
  /** Label keys: `level.national`, `status.active`. */
  level: string;
  jurisdiction: string;
  status: string;
  launched: DateValue | null;
  notes: number[];
}

/** A numbered endnote: who stands behind the claim, and only what the source list does not say. */
export interface EndnoteView {
  number: number;
  /** The claim's id: what the PDF's attached facts.json names it by. */
  claimId: string;
  /** A label key: `attribution.anonymous-sources`. */
  attribution: string;
  attributionKind: AttributionKind;
  /** Who stands behind it, e.g. "three people with knowledge of the matter". */
  who: string;
  /** Markdown: the claim in the project's words. */
  statement: string;
  /** The source list's entry it cites; null for an outside fact with no source document. */
  source: SourceView | null;
  /** True for a note a one-pager names the source of: all but those on the main source (outside facts name theirs). */
  namesOwnSource: boolean;
  excerpt: string | null;
  /** Where in the source: "p. 3", "para. 12". */
  locator: string | null;
  /** A label key: `confidence.high`. */
  confidence: string;
  /** The raw confidence, for styling. */
  confidenceLevel: Confidence;
}

/** What a one-pager left out for space, by kind; 0 where it left nothing out. */
export interface LeftOutView {
  takeaways: number;
  keyFigures: number;
  events: number;
}

// What issue 18 added: figures past the grid's cap and those not known, events after the as-of date,
// and what a one-pager may show where its sheet has room.

/** A figure the data reports as unknown, shown under "What is not known". */
export interface NotKnownView {
  caption: string;
  notes: number[];
}

export interface ExtrasView {
  /** Key figures past the layout's cap: the brief lists them in a table under the grid. */
  moreFigures: KeyFigureView[];
  /** Figures reported as unknown: "What is not known", never a headline figure. */
  notKnown: NotKnownView[];
  /** True where "What is not known" has anything: open questions or figures not known. */
  hasNotKnown: boolean;
  /** Events after the as-of date, oldest first: a one-pager's "What happens next". */
  next: TimelineEventView[];
  /** Takeaways past a one-pager's cap, which it shows where the sheet has room. */
  moreTakeaways: string[];
  /** The brief's sections a one-pager shows where the sheet has room, uncited (the brief cites them). */
  sections: SectionView[];
  /** The quote a one-pager shows where the sheet has room; null for none. */
  quote: QuoteView | null;
  /**
   * The source most notes cite, named once ("All facts: X unless noted"); null where no source
   * backs most of them. Notes on other sources, and outside facts, name their own.
   */
  mainSource: SourceView | null;
  /** Where there is a main source: the other sources the notes cite, listed after it. */
  otherSources: SourceView[];
}

/** Everything a brief or one-pager shows. */
export interface DocumentView {
  kind: 'programme' | 'topic';
  layout: Layout;
  lang: string;
  titleBlock: TitleBlockView;
  /** Markdown. */
  summary: string;
  bottomLine: string | null;
  takeaways: string[];
  glance: GlanceRow[];
  programmes: ProgrammeRowView[];
  keyFigures: KeyFigureView[];
  sections: SectionView[];
  timeline: TimelineEventView[];
  incentives: IncentiveRowView[];
  /** Incentives of every programme compared, for the chart. */
  incentiveComparison: IncentiveRowView[];
  money: MoneyView;
  people: PersonView[];
  organisations: OrganisationView[];
  quotes: QuoteView[];
  related: RelatedView;
  openQuestions: string[];
  endnotes: EndnoteView[];
  /** Every source the document cites, each once, in full: the source list. */
  sources: SourceView[];
  /** True where the notes draw on more than one source, so each note names its own. */
  citeSourcePerNote: boolean;
  /** True where some note is on an outside fact, which cites no source: "every note" is then said with that exception. */
  notesWithoutSource: boolean;
  leftOut: LeftOutView;
  extras: ExtrasView;
  /** The dataset's keywords, for the PDF's document information. */
  keywords: string[];
  /** What the document's facts.json carries: the claims it cites and their sources. */
  evidence: EvidenceView;
  /** What changed since the previous edition (built with --since, its facts changed); else null. */
  since: SinceView | null;
}

/** Options that shape a view. */
export interface ViewOptions {
  layout: Layout;
  /** Overrides the dataset's distribution marking. */
  distribution?: string;
  /** Overrides the dataset's author or office. */
  author?: string;
  /** Claims cited before any other (issue 22): the "Since the last edition" part's, read first. */
  citeFirst?: readonly string[];
}

/** The incentive's data, for helpers that format it as the data gives it. */
export type IncentiveData = Incentive;
