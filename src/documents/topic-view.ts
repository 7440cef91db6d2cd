// The view model of a topic's brief or one-pager.
import { LAYOUTS } from '../contracts/layouts.js';
import { evidenceOf } from './evidence-view.js';
import type { Facts } from '../facts/facts.js';
import { UsageError } from '../errors.js';
import { Endnotes } from './endnotes.js';
import { moneyViewOf } from './money-view.js';
import {
  eventViews,
  incentiveRows,
  organisationsFor,
  peopleFor,
  programmeName,
  quotesFor,
  shortTimeline,
  timelineEvents,
  titleBlock,
  unique,
} from './view-parts.js';
import type { DocumentView, ProgrammeRowView, RateView, ViewOptions } from './view-types.js';
import { extrasFor, keyFiguresFor, mainSourceOf } from './extras-view.js';
import type { FigureCandidate } from './key-figures.js';

export function buildTopicView(facts: Facts, id: string, options: ViewOptions): DocumentView {
  const topic = facts.topics.get(id);
  if (!topic) throw new UsageError(`no topic "${id}" in the data`);
  const { parts, limits } = LAYOUTS[options.layout];
  const notes = new Endnotes(facts);
  notes.cite(...(options.citeFirst ?? []));
  const rates: RateView[] = [];
  const match = { programmes: topic.programmes, topic: id };
  const programmes = topic.programmes.flatMap((pid) => (facts.programmes.get(pid) ? [facts.programmes.get(pid)!] : []));
  const rows: ProgrammeRowView[] = programmes.map((p) => ({
    name: programmeName(p, facts.meta.language ?? 'en'),
    level: `level.${p.level}`,
    jurisdiction: p.jurisdiction,
    status: `status.${p.status}`,
    launched: p.dates?.launched?.date ?? null,
    notes: notes.cite(p.dates?.launched?.claim),
  }));
  const claims = facts.claimsByTopic.get(id) ?? [];
  const candidates: FigureCandidate[] = claims.flatMap((claim) =>
    (claim.figures ?? []).filter((f) => f.label).map((f) => ({ caption: f.label!, figure: f, claim: f.claim ?? claim.id })),
  );
  const figures = keyFiguresFor(options.layout, candidates, notes);
  const sections = parts.sections ? topic.sections.map((s) => ({ heading: s.heading, body: s.body, notes: notes.cite(...(s.claims ?? [])) })) : [];
  const incentives = parts.incentives ? incentiveRows(facts, topic.programmes, null, notes, true, rates) : [];
  // A fact sheet keeps the topic's own events first, then its programmes'.
  const short = limits.timeline === Infinity ? null : shortTimeline(facts, match, { programmes: [], topic: id }, limits.timeline);
  const timeline = eventViews(short ? short.events : timelineEvents(facts, match), notes);
  const peopleIds = unique(programmes.flatMap((p) => p.people ?? []));
  const orgIds = unique(programmes.flatMap((p) => p.organisations ?? []));
  const people = parts.people ? peopleFor(facts, peopleIds, notes) : [];
  const quotes = parts.quotes ? quotesFor(facts, match, notes) : [];
  const related = [...facts.topics.values()].filter(
    (t) => t.id !== id && t.programmes.some((pid) => topic.programmes.includes(pid)),
  );
  const takeaways = topic.takeaways.slice(0, limits.takeaways);
  const openQuestions = parts.openQuestions ? topic.openQuestions ?? [] : [];
  const extras = extrasFor(facts, options.layout, { match, figures, takeaways: topic.takeaways, openQuestions, sections: topic.sections }, notes);
  // Read once every part has cited its claims: the notes in the order they were cited.
  const endnotes = notes.list();
  return {
    kind: 'topic',
    layout: options.layout,
    lang: facts.meta.language ?? 'en',
    titleBlock: titleBlock(facts, options, { kind: 'topic', title: topic.title, name: null, aliases: [], subtitle: topic.subtitle ?? null, gloss: null }),
    summary: topic.summary,
    bottomLine: topic.bottomLine ?? null,
    takeaways,
    glance: [],
    programmes: rows,
    keyFigures: figures.shown,
    sections,
    timeline,
    incentives,
    incentiveComparison: incentives,
    money: moneyViewOf(facts, incentives.map((i) => i.comparison), incentives, rates),
    people,
    organisations: parts.people ? organisationsFor(facts, orgIds) : [],
    quotes,
    related: { programmes: [], topics: related.map((t) => ({ title: t.title })) },
    openQuestions,
    endnotes,
    sources: notes.sources(),
    citeSourcePerNote: notes.citesPerNote(),
    notesWithoutSource: notes.hasUnsourced(),
    leftOut: {
      takeaways: topic.takeaways.length - takeaways.length,
      keyFigures: figures.more.length - extras.moreFigures.length,
      events: short?.leftOut ?? 0,
    },
    extras: { ...extras, ...mainSourceOf(notes) },
    keywords: facts.meta.keywords ?? [],
    evidence: evidenceOf(facts, endnotes, { kind: 'topic', id }),
    since: null,
  };
}
