// The data model, one source of truth: the TypeScript types below are derived from these
// TypeBox schemas, and so is the JSON Schema in schema/ that editors use (issue 2).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ID_PATTERN } from './names.js';

export { COLLECTIONS, ID_PATTERN, type CollectionName } from './names.js';

const doc = <T extends TSchema>(description: string, schema: T): T => ({ ...schema, description });

export const Id = Type.String({
  pattern: ID_PATTERN,
  maxLength: 80,
  description: 'An id: lowercase letters, digits and hyphens, starting with a letter or digit',
  errorMessage: 'an id of lowercase letters, digits and hyphens (like "talent-plan-2020")',
});
const Ids = (what: string) => Type.Array(Id, { uniqueItems: true, description: what });

export const Confidence = Type.Union(
  [Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')],
  { description: 'How sure the data is of this fact: high, medium or low' },
);

/**
 * A date whose precision is its form: "2019", "2022-10" or "2023-08-24". A full date must exist
 * on the calendar: JSON Schema's `date` format (RFC 3339 full-date) knows month lengths and leap years.
 */
export const DateValue = Type.Union(
  [
    Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$' }),
    Type.String({ format: 'date' }),
    Type.Integer({ minimum: 1000, maximum: 9999 }),
  ],
  {
    description: 'A date whose precision is its form: "2019", "2022-10" or "2023-08-24"',
    errorMessage: 'a date like "2019", "2022-10" or "2023-08-24"',
  },
);

/** Prose rendered as Markdown; `contentMediaType` marks it for editors and for markdown-fields.ts. */
const Markdown = (description: string) =>
  Type.String({ minLength: 1, contentMediaType: 'text/markdown', description: `${description} (Markdown)` });
const Text = (description: string) => Type.String({ minLength: 1, description });

/** ISO 4217: three capital letters. */
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code, e.g. EUR, GBP, KRW' });

/** A BCP 47 language tag: "en", "zh-Hans", "ko". */
const LanguageTag = (description: string) =>
  Type.String({ pattern: '^[a-zA-Z]{2,3}(-[A-Za-z0-9]{1,8})*$', description: `${description} (a BCP 47 tag such as zh-Hans, ko, ja, ar)` });

/** A name in its own script, with its language and a romanisation where known. */
export const NativeName = Type.Object(
  {
    text: Text('The name in its own script'),
    lang: LanguageTag('The language and script of the name'),
    romanized: Type.Optional(
      Type.Object(
        {
          text: Text('The name in Latin letters'),
          system: Text('The romanisation system, e.g. "pinyin", "Revised Romanization", "Hepburn"'),
        },
        { additionalProperties: false, description: 'The name in Latin letters, and the system used' },
      ),
    ),
  },
  { additionalProperties: false, description: 'The name in its own script' },
);

const QUALITATIVE = ['a few', 'several', 'dozens', 'hundreds', 'thousands', 'tens of thousands', 'hundreds of thousands', 'millions'] as const;

/** Sizes a source gives in words, not numbers: a value of their own. */
export const QualitativeQuantity = Type.Union(
  QUALITATIVE.map((word) => Type.Literal(word)),
  { description: 'A size the source gives in words, a rough count: "a few", "several", "dozens", "thousands"' },
);

const figureFields = {
  // One flat union, so that a wrong value gets one message listing every form.
  value: Type.Union([Type.Number(), Type.Literal('unknown'), ...QUALITATIVE.map((word) => Type.Literal(word))], {
    description: 'The number; "unknown" where the source says it is not known; or a size in words such as "thousands"',
  }),
  qualifier: Type.Optional(
    Type.Union(
      [
        Type.Literal('exactly'),
        Type.Literal('about'),
        Type.Literal('more than'),
        Type.Literal('at least'),
        Type.Literal('up to'),
        Type.Literal('fewer than'),
      ],
      { description: 'How the source hedges the figure' },
    ),
  ),
  unit: Type.Optional(Text('The unit, e.g. "people", "EUR", "%"')),
  asOf: Type.Optional(DateValue),
  note: Type.Optional(Text('A short note on what the figure means')),
  claim: Type.Optional(doc('The claim that reports this figure', Id)),
};

/** A figure as reported; "unknown" is a value of its own, not a gap. */
export const Figure = Type.Object(
  { label: Type.Optional(Text('What the figure counts, e.g. "fellows funded"')), ...figureFields },
  { additionalProperties: false },
);

/** A figure of a programme's scale: the data names what it counts. */
export const ScaleFigure = Type.Object(
  { label: Text('What the figure counts, e.g. "Applicants", "Fellows funded"'), ...figureFields },
  { additionalProperties: false },
);

/** An exchange rate: units of `to` per one unit of a currency, with where it comes from. */
const rateFields = {
  rate: Type.Number({ exclusiveMinimum: 0, description: 'Units of `to` per one unit of the currency' }),
  to: Type.Optional(doc('The currency the rate converts to; default: the comparison currency', CurrencyCode)),
  basis: Text('Where the rate comes from, e.g. "the source\'s own conversion", "central bank reference rate"'),
  date: Type.Optional(DateValue),
};

export const Attribution = Type.Object(
  {
    kind: Type.Union(
      [
        Type.Literal('government-documents'),
        Type.Literal('anonymous-sources'),
        Type.Literal('named-official'),
        Type.Literal('named-expert'),
        Type.Literal('state-media'),
        Type.Literal('official-document'),
        Type.Literal('advertisement'),
        Type.Literal('publication'),
        Type.Literal('news-report'),
        Type.Literal('outside-fact'),
      ],
      { description: 'What kind of evidence stands behind the claim' },
    ),
    who: Text('Who stands behind it, e.g. "three people with knowledge of the matter"'),
  },
  { additionalProperties: false },
);

export const Source = Type.Object(
  {
    id: Id,
    publisher: Text('Who published it'),
    headline: Text('The headline as published'),
    reprintHeadline: Type.Optional(Text('A headline a reprint used, where the text comes from one')),
    date: DateValue,
    dateline: Type.Optional(Text('Where it was filed from')),
    byline: Type.Optional(Type.Array(Text('An author'), { description: 'The authors' })),
    basis: Type.Optional(Text('What the reporting rests on')),
    url: Type.Optional(Type.String({ description: 'A verified address; leave empty rather than guess' })),
    text: Type.Optional(
      Text('The source\'s text (plain text or Markdown, at most 5 MB), a path from this file to a file inside the data folder: excerpts and quotes are verified against it'),
    ),
    rates: Type.Optional(
      Type.Array(
        Type.Object(
          { currency: doc('The currency converted from', CurrencyCode), ...rateFields },
          { additionalProperties: false },
        ),
        { description: 'Exchange rates this source gives, or that the data uses for amounts from it' },
      ),
    ),
    confidence: Type.Optional(
      Type.Object(
        {
          publisher: Type.Optional(Confidence),
          headline: Type.Optional(Confidence),
          date: Type.Optional(Confidence),
          dateline: Type.Optional(Confidence),
          byline: Type.Optional(Confidence),
          basis: Type.Optional(Confidence),
          url: Type.Optional(Confidence),
        },
        { additionalProperties: false, description: 'Confidence of each field that comes from outside the text' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const Claim = Type.Object(
  {
    id: Id,
    statement: Markdown("The claim in the project's own words"),
    attribution: Attribution,
    source: Type.Optional(doc('The source the claim comes from; only an outside fact may have none', Id)),
    locator: Type.Optional(Text('Where in the source, e.g. "p. 3", "para. 12"')),
    excerpt: Type.Optional(Text('At most 25 words (or 60 Chinese, Japanese or Korean characters) copied verbatim from the source, to verify the claim')),
    date: Type.Optional(DateValue),
    figures: Type.Optional(Type.Array(Figure)),
    programmes: Type.Optional(Ids('The programmes the claim bears on')),
    topics: Type.Optional(Ids('The topics the claim bears on')),
    confidence: Confidence,
  },
  { additionalProperties: false },
);

/** The Chinese shorthand: `zh` (+ `pinyin`) means native { text, lang: zh, romanized: { pinyin } }. */
const ChineseName = {
  zh: Type.Optional(Text('The name in Chinese characters (shorthand for native with lang "zh")')),
  pinyin: Type.Optional(Text('The name in pinyin with tone marks (with zh)')),
};

export const Person = Type.Object(
  {
    id: Id,
    name: Text('The name as the source writes it'),
    zh: Type.Optional(Text('The name in Chinese characters, where known (shorthand for native with lang "zh")')),
    native: Type.Optional(NativeName),
    role: Text('What they do'),
    affiliation: Type.Optional(Text('Where they work, as the source says')),
    organisation: Type.Optional(doc('Their organisation, where it is in the data', Id)),
    claims: Type.Optional(Ids('Claims about this person')),
    confidence: Type.Optional(Confidence),
  },
  { additionalProperties: false },
);

export const Organisation = Type.Object(
  {
    id: Id,
    name: Type.Optional(Text('The English name; may be left out where native gives the name (issue 23)')),
    ...ChineseName,
    native: Type.Optional(NativeName),
    abbreviation: Type.Optional(Text('A short form, e.g. "DAAD"')),
    kind: Type.Union(
      [
        Type.Literal('government'),
        Type.Literal('party'),
        Type.Literal('company'),
        Type.Literal('university'),
        Type.Literal('think-tank'),
        Type.Literal('media'),
        Type.Literal('platform'),
        Type.Literal('association'),
        Type.Literal('other'),
      ],
      { description: 'What kind of body it is' },
    ),
    jurisdiction: Type.Optional(Text('Where it sits, e.g. "Ontario", "the city of Lyon"')),
    confidence: Type.Optional(Confidence),
  },
  { additionalProperties: false },
);

const AmountQualifier = Type.Union(
  [Type.Literal('about'), Type.Literal('up to'), Type.Literal('at least'), Type.Literal('more than'), Type.Literal('fewer than')],
  { description: 'How the source hedges the amount' },
);

export const Incentive = Type.Object(
  {
    kind: Type.Union(
      [
        Type.Literal('grant'),
        Type.Literal('loan'),
        Type.Literal('fellowship'),
        Type.Literal('stipend'),
        Type.Literal('scholarship'),
        Type.Literal('tuition'),
        Type.Literal('wage-subsidy'),
        Type.Literal('tax-credit'),
        Type.Literal('equity'),
        Type.Literal('in-kind'),
        Type.Literal('signing-bonus'),
        Type.Literal('home-purchase-subsidy'),
        Type.Literal('reward'),
        Type.Literal('start-up-funding'),
        Type.Literal('housing'),
        Type.Literal('referral-payment'),
        Type.Literal('investment-per-person'),
        Type.Literal('programme-budget'),
        Type.Literal('other'),
      ],
      { description: 'What kind of incentive it is' },
    ),
    label: Text('A short description, e.g. "Monthly stipend"'),
    recipient: Type.Optional(Text('Who receives it, where not the recruit')),
    amount: Type.Optional(Type.Number({ minimum: 0, description: 'The exact amount, in currency units (or give min and max)' })),
    min: Type.Optional(Type.Number({ minimum: 0, description: 'The lowest amount of a range, in currency units' })),
    max: Type.Optional(Type.Number({ minimum: 0, description: 'The highest amount of a range, in currency units' })),
    qualifier: Type.Optional(AmountQualifier),
    currency: Type.Optional(doc('The currency of the amount: named wherever an amount is given', CurrencyCode)),
    reported: Type.Optional(
      Type.Object(
        {
          currency: doc('The currency the source also gave the amount in', CurrencyCode),
          amount: Type.Optional(Type.Number({ minimum: 0 })),
          min: Type.Optional(Type.Number({ minimum: 0 })),
          max: Type.Optional(Type.Number({ minimum: 0 })),
          qualifier: Type.Optional(Type.Union([Type.Literal('exactly'), Type.Literal('about')])),
        },
        { additionalProperties: false, description: 'The amount in another currency, as the source reported it' },
      ),
    ),
    rate: Type.Optional(
      Type.Object(rateFields, {
        additionalProperties: false,
        description: 'The exchange rate for this amount: units of `to` per one unit of its currency, and its basis',
      }),
    ),
    note: Type.Optional(Text('A short note')),
    claim: doc('The claim that reports this incentive', Id),
  },
  { additionalProperties: false },
);

export const Section = Type.Object(
  {
    heading: Text('The section heading'),
    body: Markdown('The section text'),
    claims: Type.Optional(Ids('Claims the section rests on; each gets an endnote')),
  },
  { additionalProperties: false },
);

const DatedFact = Type.Object(
  {
    date: DateValue,
    note: Type.Optional(Text('A short note')),
    claim: Type.Optional(Id),
    confidence: Type.Optional(Confidence),
  },
  { additionalProperties: false },
);

export const Programme = Type.Object(
  {
    id: Id,
    name: Type.Object(
      {
        en: Type.Optional(Text('The English name; may be left out where native (or zh) gives the name, which then leads (issue 23)')),
        ...ChineseName,
        native: Type.Optional(NativeName),
        gloss: Type.Optional(Text('What the name means in English, e.g. "Homecoming"')),
        aliases: Type.Optional(Type.Array(Text('Another name'))),
        confidence: Type.Optional(Confidence),
      },
      { additionalProperties: false },
    ),
    summary: Markdown("A summary in the project's own words"),
    bottomLine: Type.Optional(Markdown('The bottom line up front')),
    takeaways: Type.Optional(Type.Array(Markdown('A key takeaway'))),
    sponsor: Type.Optional(
      Type.Object(
        { organisation: doc('The sponsoring body', Id), claim: Type.Optional(Id), confidence: Type.Optional(Confidence) },
        { additionalProperties: false },
      ),
    ),
    level: Type.Union(
      [
        Type.Literal('international'),
        Type.Literal('national'),
        Type.Literal('state'),
        Type.Literal('provincial'),
        Type.Literal('regional'),
        Type.Literal('municipal'),
        Type.Literal('institution'),
        Type.Literal('company'),
        Type.Literal('other'),
      ],
      { description: 'The level of government, or the kind of body, that runs it' },
    ),
    jurisdiction: Text('Where it applies, e.g. "Bavaria", "the European Union"'),
    status: Type.Union(
      [
        Type.Literal('planned'),
        Type.Literal('announced'),
        Type.Literal('active'),
        Type.Literal('renamed'),
        Type.Literal('suspended'),
        Type.Literal('ended'),
        Type.Literal('dormant'),
        Type.Literal('unknown'),
      ],
      { description: 'Whether it is running' },
    ),
    dates: Type.Optional(
      Type.Object(
        { launched: Type.Optional(DatedFact), ended: Type.Optional(DatedFact), lastEvidence: Type.Optional(DatedFact) },
        { additionalProperties: false },
      ),
    ),
    publicity: Type.Optional(
      Type.Union([Type.Literal('public'), Type.Literal('low-profile')], {
        description: 'Whether it publicises itself and its awardees',
      }),
    ),
    predecessor: Type.Optional(doc('The programme it replaced', Id)),
    successor: Type.Optional(doc('The programme that replaced it', Id)),
    related: Type.Optional(Ids('Related programmes')),
    target: Type.Optional(
      Type.Object(
        {
          fields: Type.Optional(Type.Array(Text('A field'))),
          careerStage: Type.Optional(Type.Array(Text('A career stage'))),
          eligibility: Type.Optional(Type.Array(Markdown('An eligibility criterion'))),
          claims: Type.Optional(Ids('Claims about the target profile')),
        },
        { additionalProperties: false, description: 'Whom it seeks' },
      ),
    ),
    incentives: Type.Optional(Type.Array(Incentive)),
    scale: Type.Optional(
      Type.Array(ScaleFigure, { description: 'How big it is, as labelled figures; "unknown" is a value' }),
    ),
    people: Type.Optional(Ids('People involved')),
    organisations: Type.Optional(Ids('Organisations involved')),
    sections: Type.Optional(Type.Array(Section)),
    openQuestions: Type.Optional(Type.Array(Markdown('What is not known'))),
  },
  { additionalProperties: false },
);

export const Topic = Type.Object(
  {
    id: Id,
    title: Text('The title'),
    subtitle: Type.Optional(Text('A subtitle')),
    summary: Markdown("A summary in the project's own words"),
    bottomLine: Type.Optional(Markdown('The bottom line up front')),
    takeaways: Type.Array(Markdown('A key takeaway'), { minItems: 1 }),
    sections: Type.Array(Section),
    programmes: Ids('Programmes the topic draws on'),
    openQuestions: Type.Optional(Type.Array(Markdown('What is not known'))),
  },
  { additionalProperties: false },
);

export const Quote = Type.Object(
  {
    id: Id,
    speaker: Text('Who said it, as the source names or describes them'),
    person: Type.Optional(doc('The speaker, where in the data', Id)),
    role: Text('Their role'),
    words: Text('The words, verbatim'),
    context: Type.Optional(Text('When or why they said it')),
    source: doc('The source that carries the quote', Id),
    locator: Type.Optional(Text('Where in the source, e.g. "p. 3", "para. 12"')),
    programmes: Type.Optional(Ids('Programmes the quote bears on')),
    topics: Type.Optional(Ids('Topics the quote bears on')),
  },
  { additionalProperties: false },
);

export const TimelineEvent = Type.Object(
  {
    id: Id,
    date: DateValue,
    approximate: Type.Optional(Type.Boolean({ description: 'True where the date is approximate' })),
    event: Markdown('What happened'),
    claim: Type.Optional(doc('The claim that reports it', Id)),
    confidence: Type.Optional(Confidence),
    programmes: Type.Optional(Ids('Programmes it bears on')),
    topics: Type.Optional(Ids('Topics it bears on')),
  },
  { additionalProperties: false },
);

export const Meta = Type.Object(
  {
    title: Text('The title of the briefing series'),
    asOf: DateValue,
    edition: Type.Optional(Text('The edition, e.g. "1"')),
    author: Text('Author or office'),
    distribution: Type.Optional(Text('A distribution marking shown on every page')),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$', description: 'BCP 47 tag; default "en"' })),
    keywords: Type.Optional(Type.Array(Text('A keyword'))),
    comparisonCurrency: Type.Optional(
      doc('The currency incentives are compared and charted in (ISO 4217); default USD', CurrencyCode),
    ),
  },
  { additionalProperties: false },
);

/** One data file: any of the collections; a data folder is the union of its files. */
export const DataFile = Type.Object(
  {
    meta: Type.Optional(Meta),
    sources: Type.Optional(Type.Array(Source)),
    programmes: Type.Optional(Type.Array(Programme)),
    topics: Type.Optional(Type.Array(Topic)),
    people: Type.Optional(Type.Array(Person)),
    organisations: Type.Optional(Type.Array(Organisation)),
    claims: Type.Optional(Type.Array(Claim)),
    quotes: Type.Optional(Type.Array(Quote)),
    timeline: Type.Optional(Type.Array(TimelineEvent)),
  },
  {
    $id: 'https://briefing-press.dev/schema/data-file.schema.json',
    title: 'Briefing data file',
    description: 'One file of a briefing dataset; a data folder is the union of its files',
    additionalProperties: false,
  },
);

export type Confidence = Static<typeof Confidence>;
export type DateValue = Static<typeof DateValue>;
export type Figure = Static<typeof Figure>;
export type ScaleFigure = Static<typeof ScaleFigure>;
export type NativeName = Static<typeof NativeName>;
export type QualitativeQuantity = Static<typeof QualitativeQuantity>;
export type Attribution = Static<typeof Attribution>;
export type AttributionKind = Attribution['kind'];
export type Source = Static<typeof Source>;
export type SourceRate = NonNullable<Source['rates']>[number];
export type Claim = Static<typeof Claim>;
export type Person = Static<typeof Person>;
export type Organisation = Static<typeof Organisation>;
export type Incentive = Static<typeof Incentive>;
export type IncentiveKind = Incentive['kind'];
export type IncentiveRate = NonNullable<Incentive['rate']>;
export type ReportedAmount = NonNullable<Incentive['reported']>;
export type Section = Static<typeof Section>;
export type Programme = Static<typeof Programme>;
export type ProgrammeLevel = Programme['level'];
export type ProgrammeStatus = Programme['status'];
export type Topic = Static<typeof Topic>;
export type Quote = Static<typeof Quote>;
export type TimelineEvent = Static<typeof TimelineEvent>;
export type Meta = Static<typeof Meta>;
export type DataFile = Static<typeof DataFile>;

