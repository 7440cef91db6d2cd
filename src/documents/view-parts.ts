// Pieces shared by the programme and topic views: names, title block, incentives, timeline, quotes.
import { LAYOUTS } from '../contracts/layouts.js';
import type { Facts, ProgrammeFacts } from '../facts/facts.js';
import type { NativeName, TimelineEvent } from '../facts/schema.js';
import { compareDates } from '../facts/date-value.js';
import { namesInOrder, nativeLeads, sameLanguage } from '../facts/native-names.js';
import type { Endnotes } from './endnotes.js';
import { amountOf, comparisonCurrencyOf, comparisonOf, hasAmount } from './money-view.js';
import type {
  IncentiveRowView,
  NameView,
  NativeNameView,
  OrganisationView,
  PersonView,
  QuoteView,
  RateView,
  TimelineEventView,
  TitleBlockView,
  ViewOptions,
} from './view-types.js';

/** Scripts written right to left (ISO 15924), as a language's likely script names them. */
const RIGHT_TO_LEFT = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

const directions = new Map<string, 'ltr' | 'rtl'>();

/** The direction a language tag's text runs in: its script, or the script its language is likely written in. */
function directionOf(lang: string): 'ltr' | 'rtl' {
  let dir = directions.get(lang);
  if (!dir) {
    try {
      dir = RIGHT_TO_LEFT.has(new Intl.Locale(lang).maximize().script ?? '') ? 'rtl' : 'ltr';
    } catch {
      dir = 'ltr';
    }
    directions.set(lang, dir);
  }
  return dir;
}

export function nativeView(native: NativeName | undefined): NativeNameView | null {
  if (!native) return null;
  return { text: native.text, lang: native.lang, dir: directionOf(native.lang), romanized: native.romanized ?? null };
}

/**
 * A name for the `bilingual` helper: the native name and its romanisation beside the document's.
 * Native-first (issue 23): where the native name is in the document's language, or there is no
 * English one, the native name leads and the English one (or the romanisation) follows.
 */
export function nameView(en: string | undefined, native: NativeName | undefined, lang: string): NameView {
  if (native && nativeLeads(en, native, lang)) {
    // A reader of the name's own language needs no romanisation of it.
    const alt = en ?? (sameLanguage(native.lang, lang) ? undefined : native.romanized?.text);
    return {
      en: native.text,
      // Marked with its own language where the document is in another, so it is drawn in its own face.
      ...(sameLanguage(native.lang, lang) ? {} : { lang: native.lang, dir: directionOf(native.lang) }),
      native: alt === undefined ? null : { text: alt, lang: en === undefined ? `${native.lang}-Latn` : 'en', dir: 'ltr', romanized: null },
    };
  }
  return { en: en ?? '', native: nativeView(native) };
}

/** The name a document in `lang` leads with (titles, headers, contents, `brief list`). */
export function leadingName(en: string | undefined, native: NativeName | undefined, lang: string): string {
  return namesInOrder(en, native, lang)[0];
}

export function programmeName(programme: ProgrammeFacts, lang: string): NameView {
  return nameView(programme.name.en, programme.name.native, lang);
}

export function titleBlock(
  facts: Facts,
  options: ViewOptions,
  fields: Pick<TitleBlockView, 'title' | 'name' | 'aliases' | 'subtitle' | 'gloss'> & { kind: 'programme' | 'topic' },
): TitleBlockView {
  return {
    series: facts.meta.title,
    kicker: LAYOUTS[options.layout].kickerLabel[fields.kind],
    title: fields.title,
    name: fields.name,
    romanized: fields.name?.native?.romanized?.text ?? null,
    aliases: fields.aliases,
    subtitle: fields.subtitle,
    gloss: fields.gloss,
    asOf: facts.meta.asOf,
    edition: facts.meta.edition ?? null,
    previousAsOf: null,
    author: options.author ?? facts.meta.author,
    distribution: options.distribution ?? facts.meta.distribution ?? null,
    // A sheet is marked once (issue 18, item 4): its running header carries the marking.
    marking: LAYOUTS[options.layout].fit ? null : options.distribution ?? facts.meta.distribution ?? null,
  };
}

/** Incentives of these programmes, the `currentId` programme's first; `rates` collects the rates used. */
export function incentiveRows(
  facts: Facts,
  programmeIds: string[],
  currentId: string | null,
  notes: Endnotes,
  withAmountOnly: boolean,
  rates: RateView[],
): IncentiveRowView[] {
  const ordered = currentId ? [currentId, ...programmeIds.filter((id) => id !== currentId)] : programmeIds;
  const to = comparisonCurrencyOf(facts);
  return ordered.flatMap((id) => {
    const programme = facts.programmes.get(id);
    if (!programme) return [];
    return (programme.incentives ?? [])
      .filter((i) => !withAmountOnly || hasAmount(i))
      .map((incentive) => ({
        programmeId: id,
        programme: programmeName(programme, facts.meta.language ?? 'en'),
        current: id === currentId,
        description: incentive.label,
        kind: `incentive-kind.${incentive.kind}`,
        recipient: incentive.recipient ?? null,
        amount: amountOf(incentive),
        comparison: comparisonOf(facts, incentive, to, rates),
        note: incentive.note ?? null,
        notes: notes.cite(incentive.claim),
      }));
  });
}

/** What a timeline is about: events on these programmes or this topic. */
export interface TimelineMatch {
  programmes: string[];
  topic: string | null;
}

const bearsOn = (e: TimelineEvent, match: TimelineMatch) =>
  Boolean(e.programmes?.some((p) => match.programmes.includes(p)) || (match.topic !== null && e.topics?.includes(match.topic)));

/** Timeline events that bear on any of the programmes or on the topic, oldest first. */
export function timelineEvents(facts: Facts, match: TimelineMatch): TimelineEvent[] {
  return [...facts.timeline.values()].filter((e) => bearsOn(e, match)).sort((a, b) => compareDates(a.date, b.date));
}

/**
 * A fact sheet's timeline (issue 13, item 8): events up to the as-of date, none after it; the
 * subject's own first (`own`), then those of what it spans, the latest of them, at most `limit`,
 * oldest first. Also how many of the events up to the as-of date it leaves out.
 */
export function shortTimeline(facts: Facts, match: TimelineMatch, own: TimelineMatch, limit: number): { events: TimelineEvent[]; leftOut: number } {
  const asOf = facts.meta.asOf;
  const events = timelineEvents(facts, match).filter((e) => compareDates(e.date, asOf) <= 0);
  const mine = events.filter((e) => bearsOn(e, own));
  const others = events.filter((e) => !bearsOn(e, own));
  const kept = new Set([...mine.slice(-limit), ...others.slice(-Math.max(0, limit - mine.length))]);
  return { events: events.filter((e) => kept.has(e)), leftOut: events.length - kept.size };
}

export function eventViews(events: TimelineEvent[], notes: Endnotes): TimelineEventView[] {
  return events.map((e) => ({ date: e.date, approximate: e.approximate ?? false, event: e.event, notes: notes.cite(e.claim) }));
}

export function quotesFor(facts: Facts, match: TimelineMatch, notes: Endnotes): QuoteView[] {
  return [...facts.quotes.values()]
    .filter((q) => q.programmes?.some((p) => match.programmes.includes(p)) || (match.topic !== null && q.topics?.includes(match.topic)))
    .flatMap((q) => {
      const source = notes.citeSource(q.source);
      if (!source) return [];
      return [{ words: q.words, speaker: q.speaker, role: q.role, context: q.context ?? null, locator: q.locator ?? null, source }];
    });
}

export function peopleFor(facts: Facts, ids: string[], notes: Endnotes): PersonView[] {
  return ids.flatMap((id) => {
    const person = facts.people.get(id);
    if (!person) return [];
    return [{
      name: person.name,
      native: nativeView(person.native),
      role: person.role,
      affiliation: person.affiliation ?? null,
      notes: notes.cite(...(person.claims ?? [])),
    }];
  });
}

export function organisationsFor(facts: Facts, ids: string[]): OrganisationView[] {
  return ids.flatMap((id) => {
    const org = facts.organisations.get(id);
    if (!org) return [];
    return [{
      name: nameView(org.name, org.native, facts.meta.language ?? 'en'),
      abbreviation: org.abbreviation ?? null,
      kind: `organisation-kind.${org.kind}`,
      jurisdiction: org.jurisdiction ?? null,
    }];
  });
}

/** Keeps the first of each value, in order. */
export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
