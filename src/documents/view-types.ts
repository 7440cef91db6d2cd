// What the templates show: every field is present (null or [] when empty), because templates
// compile in strict mode and a missing field is an error (issue 3).
import type { AttributionKind, Confidence, DateValue, Figure, Incentive } from '../facts/schema.js';
/** A name in English with its Chinese form and pinyin where known, for the `bilingual` helper. */
export interface NameView {
  en: string;
  zh: string | null;
  pinyin: string | null;
}

/** The title block and running header. */
export interface TitleBlockView {
  /** The series the document belongs to (the dataset's title). */
  series: string;
  /** "Programme brief", "Topic brief", "Fact sheet". */
  kicker: string;
  /** The title in plain text, English. */
  title: string;
  /** The programme's bilingual name; null for a topic. */
  name: NameView | null;
  subtitle: string | null;
  /** Markdown: what the name means, e.g. "Enlightenment". */
  gloss: string | null;
  asOf: DateValue;
  edition: string | null;
  author: string;
  distribution: string | null;
}

/** One row of the at-a-glance table; exactly one of text, name, date, items or incentives is set. */
export interface GlanceRow {
  label: string;
  text: string | null;
  name: NameView | null;
  date: DateValue | null;
  items: string[] | null;
  /** Incentives with their amounts, as the `money` helper shows them. */
  incentives: { label: string; incentive: Incentive }[] | null;
  notes: number[];
}

/** A key figure as reported, with its endnotes. */
export interface KeyFigureView {
  label: string;
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

/** One incentive of one programme; `incentive` feeds the money helpers. */
export interface IncentiveRowView {
  programmeId: string;
  programme: NameView;
  /** True for the programme the document is about. */
  current: boolean;
  label: string;
  recipient: string | null;
  incentive: Incentive;
  note: string | null;
  notes: number[];
}

export interface PersonView {
  name: string;
  zh: string | null;
  role: string;
  affiliation: string | null;
  notes: number[];
}

export interface OrganisationView {
  name: NameView;
  abbreviation: string | null;
  kind: string;
  jurisdiction: string | null;
}

/** A source as an endnote or quote names it. */
export interface SourceView {
  publisher: string;
  headline: string;
  date: DateValue;
  dateline: string | null;
  byline: string | null;
}

export interface QuoteView {
  words: string;
  speaker: string;
  role: string;
  context: string | null;
  source: SourceView;
}

export interface RelatedView {
  programmes: { name: NameView; relation: string }[];
  topics: { title: string }[];
}

/** A programme in a topic's overview table. */
export interface ProgrammeRowView {
  name: NameView;
  level: string;
  jurisdiction: string;
  status: string;
  launched: DateValue | null;
  notes: number[];
}

/** A numbered endnote: who stands behind the claim, and where it was published. */
export interface EndnoteView {
  number: number;
  /** The claim's id: what the PDF's attached facts.json names it by. */
  claimId: string;
  /** "Anonymous sources", "Government documents", "Named official", ... */
  attributionLabel: string;
  attributionKind: AttributionKind;
  /** Who stands behind it, e.g. "three people with knowledge of the matter". */
  who: string;
  /** Markdown: the claim in the project's words. */
  statement: string;
  source: SourceView;
  excerpt: string | null;
  confidence: Confidence;
}

/** Everything a brief or one-pager shows. */
export interface DocumentView {
  kind: 'programme' | 'topic';
  layout: 'brief' | 'one-pager';
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
  /** Incentives of every programme compared, for the chart and its table. */
  incentiveComparison: IncentiveRowView[];
  people: PersonView[];
  organisations: OrganisationView[];
  quotes: QuoteView[];
  related: RelatedView;
  openQuestions: string[];
  endnotes: EndnoteView[];
  /** Distinct sources, for the one-pager's sources line. */
  sources: SourceView[];
  /** True where the notes draw on more than one source, so each compact note names its own. */
  citeSourcePerNote: boolean;
}

/** Options that shape a view. */
export interface ViewOptions {
  layout: 'brief' | 'one-pager';
  /** Overrides the dataset's distribution marking. */
  distribution?: string;
  /** Overrides the dataset's author or office. */
  author?: string;
}
