// The view model of a topic's brief or one-pager.
import type { Facts } from '../facts/facts.js';
import { UsageError } from '../errors.js';
import { Endnotes } from './endnotes.js';
import { ONE_PAGER_LIMITS } from './programme-view.js';
import {
  LABELS,
  incentiveRows,
  organisationsFor,
  peopleFor,
  programmeName,
  quotesFor,
  timelineEvents,
  titleBlock,
  unique,
} from './view-parts.js';
import type { DocumentView, KeyFigureView, ProgrammeRowView, ViewOptions } from './view-types.js';

export function buildTopicView(facts: Facts, id: string, options: ViewOptions): DocumentView {
  const topic = facts.topics.get(id);
  if (!topic) throw new UsageError(`no topic "${id}" in the data`);
  const brief = options.layout === 'brief';
  const notes = new Endnotes(facts);
  const match = { programmes: topic.programmes, topic: id };
  const programmes = topic.programmes.flatMap((pid) => (facts.programmes.get(pid) ? [facts.programmes.get(pid)!] : []));
  const rows: ProgrammeRowView[] = programmes.map((p) => ({
    name: programmeName(p),
    level: LABELS.level[p.level],
    jurisdiction: p.jurisdiction,
    status: LABELS.status[p.status],
    launched: p.dates?.launched?.date ?? null,
    notes: notes.cite(p.dates?.launched?.claim),
  }));
  const claims = facts.claimsByTopic.get(id) ?? [];
  const allFigures: KeyFigureView[] = claims.flatMap((claim) =>
    (claim.figures ?? [])
      .filter((f) => f.label)
      .map((f) => ({
        label: f.label!,
        figure: { value: f.value, qualifier: f.qualifier, unit: f.unit },
        asOf: f.asOf ?? null,
        note: f.note ?? null,
        notes: notes.cite(f.claim ?? claim.id),
      })),
  );
  const keyFigures = brief ? allFigures : allFigures.slice(0, ONE_PAGER_LIMITS.keyFigures);
  const sections = brief ? topic.sections.map((s) => ({ heading: s.heading, body: s.body, notes: notes.cite(...(s.claims ?? [])) })) : [];
  const incentives = brief ? incentiveRows(facts, topic.programmes, null, notes, true) : [];
  const timeline = timelineEvents(facts, match, notes, brief ? undefined : ONE_PAGER_LIMITS.timeline);
  const peopleIds = unique(programmes.flatMap((p) => p.people ?? []));
  const orgIds = unique(programmes.flatMap((p) => p.organisations ?? []));
  const people = brief ? peopleFor(facts, peopleIds, notes) : [];
  const related = [...facts.topics.values()].filter(
    (t) => t.id !== id && t.programmes.some((pid) => topic.programmes.includes(pid)),
  );
  return {
    kind: 'topic',
    layout: options.layout,
    lang: facts.meta.language ?? 'en',
    titleBlock: titleBlock(facts, options, { kind: 'topic', title: topic.title, name: null, subtitle: topic.subtitle ?? null, gloss: null }),
    summary: topic.summary,
    bottomLine: topic.bottomLine ?? null,
    takeaways: brief ? topic.takeaways : topic.takeaways.slice(0, ONE_PAGER_LIMITS.takeaways),
    glance: [],
    programmes: rows,
    keyFigures,
    sections,
    timeline,
    incentives,
    incentiveComparison: incentives,
    people,
    organisations: brief ? organisationsFor(facts, orgIds) : [],
    quotes: brief ? quotesFor(facts, match) : [],
    related: { programmes: [], topics: related.map((t) => ({ title: t.title })) },
    openQuestions: brief ? topic.openQuestions ?? [] : [],
    endnotes: notes.list(),
    sources: notes.sources(),
    citeSourcePerNote: notes.sources().length > 1,
  };
}
