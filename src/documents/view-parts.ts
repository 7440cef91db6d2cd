// Pieces shared by the programme and topic views: names, title block, incentives, timeline, quotes.
import type { Facts, ProgrammeFacts } from '../facts/facts.js';
import type { NativeName } from '../facts/schema.js';
import { compareDates } from '../facts/date-value.js';
import type { Endnotes } from './endnotes.js';
import { toSourceView } from './endnotes.js';
import type {
  IncentiveRowView,
  NameView,
  OrganisationView,
  PersonView,
  QuoteView,
  TimelineEventView,
  TitleBlockView,
  ViewOptions,
} from './view-types.js';

/** A name for the `bilingual` helper: the native name and its romanisation beside the English. */
export function nameView(en: string, native: NativeName | undefined): NameView {
  return { en, zh: native?.text ?? null, pinyin: native?.romanized?.text ?? null };
}

export function programmeName(programme: ProgrammeFacts): NameView {
  return nameView(programme.name.en, programme.name.native);
}

/** True where an incentive states an amount: exact, or either end of a range. */
export function hasAmount(incentive: { amount?: number; min?: number; max?: number }): boolean {
  return incentive.amount !== undefined || incentive.min !== undefined || incentive.max !== undefined;
}

export function titleBlock(
  facts: Facts,
  options: ViewOptions,
  fields: Pick<TitleBlockView, 'title' | 'name' | 'subtitle' | 'gloss'> & { kind: 'programme' | 'topic' },
): TitleBlockView {
  const kicker = options.layout === 'one-pager' ? 'Fact sheet' : fields.kind === 'programme' ? 'Programme brief' : 'Topic brief';
  return {
    series: facts.meta.title,
    kicker,
    title: fields.title,
    name: fields.name,
    subtitle: fields.subtitle,
    gloss: fields.gloss,
    asOf: facts.meta.asOf,
    edition: facts.meta.edition ?? null,
    author: options.author ?? facts.meta.author,
    distribution: options.distribution ?? facts.meta.distribution ?? null,
  };
}

/** Sentence-case labels for the schema's words. */
export const LABELS = {
  level: {
    international: 'International',
    national: 'National',
    state: 'State',
    provincial: 'Provincial',
    regional: 'Regional',
    municipal: 'Municipal',
    institution: 'Institution',
    company: 'Company',
    other: 'Other',
  },
  status: {
    planned: 'Planned',
    announced: 'Announced',
    active: 'Active',
    renamed: 'Renamed',
    suspended: 'Suspended',
    ended: 'Ended',
    dormant: 'Dormant',
    unknown: 'Unknown',
  },
  publicity: { public: 'Public', 'low-profile': 'Low profile: does not publicise itself or its awardees' },
} as const;

/** Incentives of these programmes that state an amount, the `currentId` programme's first. */
export function incentiveRows(
  facts: Facts,
  programmeIds: string[],
  currentId: string | null,
  notes: Endnotes,
  withAmountOnly: boolean,
): IncentiveRowView[] {
  const ordered = currentId ? [currentId, ...programmeIds.filter((id) => id !== currentId)] : programmeIds;
  return ordered.flatMap((id) => {
    const programme = facts.programmes.get(id);
    if (!programme) return [];
    return (programme.incentives ?? [])
      .filter((i) => !withAmountOnly || hasAmount(i))
      .map((incentive) => ({
        programmeId: id,
        programme: programmeName(programme),
        current: id === currentId,
        label: incentive.label,
        recipient: incentive.recipient ?? null,
        incentive,
        note: incentive.note ?? null,
        notes: notes.cite(incentive.claim),
      }));
  });
}

/** Timeline events that bear on any of `programmeIds` or on `topicId`, oldest first. */
export function timelineEvents(
  facts: Facts,
  match: { programmes: string[]; topic: string | null },
  notes: Endnotes,
  limit?: number,
): TimelineEventView[] {
  const events = [...facts.timeline.values()]
    .filter(
      (e) =>
        e.programmes?.some((p) => match.programmes.includes(p)) || (match.topic !== null && e.topics?.includes(match.topic)),
    )
    .sort((a, b) => compareDates(a.date, b.date));
  // A short timeline keeps the latest events: those are what a reader of a fact sheet needs.
  const kept = limit !== undefined && events.length > limit ? events.slice(events.length - limit) : events;
  return kept.map((e) => ({ date: e.date, approximate: e.approximate ?? false, event: e.event, notes: notes.cite(e.claim) }));
}

export function quotesFor(facts: Facts, match: { programmes: string[]; topic: string | null }): QuoteView[] {
  return [...facts.quotes.values()]
    .filter((q) => q.programmes?.some((p) => match.programmes.includes(p)) || (match.topic !== null && q.topics?.includes(match.topic)))
    .flatMap((q) => {
      const source = facts.sources.get(q.source);
      if (!source) return [];
      return [{ words: q.words, speaker: q.speaker, role: q.role, context: q.context ?? null, source: toSourceView(source) }];
    });
}

export function peopleFor(facts: Facts, ids: string[], notes: Endnotes): PersonView[] {
  return ids.flatMap((id) => {
    const person = facts.people.get(id);
    if (!person) return [];
    return [{
      name: person.name,
      zh: person.native?.text ?? null,
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
      name: nameView(org.name, org.native),
      abbreviation: org.abbreviation ?? null,
      kind: org.kind.replace(/-/g, ' '),
      jurisdiction: org.jurisdiction ?? null,
    }];
  });
}

/** Keeps the first of each value, in order. */
export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
