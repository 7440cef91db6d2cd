// The view model of a programme's brief or one-pager: exactly what the template shows.
import { LAYOUTS } from '../contracts/layouts.js';
import { evidenceOf } from './evidence-view.js';
import type { Facts, ProgrammeFacts as Programme } from '../facts/facts.js';
import type { Figure } from '../facts/schema.js';
import { UsageError } from '../errors.js';
import { Endnotes } from './endnotes.js';
import { amountOf, comparisonCurrencyOf, comparisonOf, hasAmount, moneyViewOf } from './money-view.js';
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
  nameView,
  leadingName,
} from './view-parts.js';
import type { DocumentView, GlanceRow, RateView, ViewOptions } from './view-types.js';
import { extrasFor, keyFiguresFor, mainSourceOf } from './extras-view.js';
import type { FigureCandidate } from './key-figures.js';

/** How many key figures, timeline events, takeaways and items of a glance row a one-pager shows; the brief shows all. */
const row = (label: string, value: Partial<Omit<GlanceRow, 'label'>>): GlanceRow => ({
  label: `glance.${label}`,
  term: null,
  text: null,
  name: null,
  date: null,
  items: null,
  incentives: null,
  more: 0,
  notes: [],
  ...value,
});

function glanceRows(facts: Facts, p: Programme, notes: Endnotes, maxItems: number, rates: RateView[]): GlanceRow[] {
  const rows: GlanceRow[] = [];
  const sponsor = p.sponsor && facts.organisations.get(p.sponsor.organisation);
  if (sponsor && p.sponsor) {
    rows.push(row('sponsor', { name: nameView(sponsor.name, sponsor.native, facts.meta.language ?? 'en'), notes: notes.cite(p.sponsor.claim) }));
  }
  rows.push(row('level', { term: `level.${p.level}`, text: p.jurisdiction }));
  if (p.dates?.launched) rows.push(row('launched', { date: p.dates.launched.date, notes: notes.cite(p.dates.launched.claim) }));
  if (p.dates?.ended) rows.push(row('ended', { date: p.dates.ended.date, notes: notes.cite(p.dates.ended.claim) }));
  rows.push(row('status', { term: `status.${p.status}` }));
  if (p.dates?.lastEvidence) {
    rows.push(row('last-evidence', { date: p.dates.lastEvidence.date, notes: notes.cite(p.dates.lastEvidence.claim) }));
  }
  if (p.publicity) rows.push(row('publicity', { term: `publicity.${p.publicity}` }));
  const target = [...(p.target?.fields ?? []), ...(p.target?.careerStage ?? [])];
  if (target.length) {
    const shown = target.slice(0, maxItems);
    rows.push(row('target', { items: shown, more: target.length - shown.length, notes: notes.cite(...(p.target?.claims ?? [])) }));
  }
  const priced = (p.incentives ?? []).filter(hasAmount);
  const incentives = priced.slice(0, maxItems);
  if (incentives.length) {
    const to = comparisonCurrencyOf(facts);
    rows.push(
      row('incentives', {
        incentives: incentives.map((incentive) => {
          const comparison = comparisonOf(facts, incentive, to, rates);
          return { description: incentive.label, amount: amountOf(incentive)!, comparison: comparison?.how === 'same' ? null : comparison };
        }),
        more: priced.length - incentives.length,
        notes: notes.cite(...incentives.map((i) => i.claim)),
      }),
    );
  }
  return rows;
}

/** The programme's figures, its scale first, then those its claims report under a label. */
function figureCandidates(facts: Facts, p: Programme): FigureCandidate[] {
  const figures: { label: string; figure: Figure }[] = [];
  for (const figure of p.scale ?? []) figures.push({ label: figure.label, figure });
  for (const claim of facts.claimsByProgramme.get(p.id) ?? []) {
    for (const figure of claim.figures ?? []) {
      if (!figure.label) continue;
      const already = figures.some((f) => f.label === figure.label && f.figure.value === figure.value);
      if (!already) figures.push({ label: figure.label, figure: { ...figure, claim: figure.claim ?? claim.id } });
    }
  }
  return figures.map(({ label, figure }) => ({ caption: label, figure, claim: figure.claim }));
}

/** Programmes an incentives comparison may show at most: past that a chart is unreadable and grows with the dataset. */
export const COMPARISON_LIMIT = 8;

function relatedIdsOf(p: Programme): string[] {
  return unique([p.predecessor, p.successor, ...(p.related ?? [])].filter((x): x is string => Boolean(x)));
}

/**
 * The programmes a brief compares incentives with, in data order: itself, then its predecessor,
 * successor and related programmes, then those sharing a topic with it, then the rest, only those
 * with incentives, at most COMPARISON_LIMIT.
 */
export function comparisonPeers(facts: Facts, id: string, relatedIds: string[]): string[] {
  const sharesTopic = new Set([...facts.topics.values()].filter((t) => t.programmes.includes(id)).flatMap((t) => t.programmes));
  const hasIncentives = (pid: string) => (facts.programmes.get(pid)?.incentives?.length ?? 0) > 0;
  const chosen = new Set<string>([id]);
  const candidates = [...relatedIds, ...[...facts.programmes.keys()].filter((pid) => sharesTopic.has(pid)), ...facts.programmes.keys()];
  for (const pid of candidates) {
    if (chosen.size >= COMPARISON_LIMIT) break;
    if (hasIncentives(pid)) chosen.add(pid);
  }
  return [...facts.programmes.keys()].filter((pid) => chosen.has(pid));
}

export function buildProgrammeView(facts: Facts, id: string, options: ViewOptions): DocumentView {
  const p = facts.programmes.get(id);
  if (!p) throw new UsageError(`no programme "${id}" in the data`);
  const { parts, limits } = LAYOUTS[options.layout];
  const notes = new Endnotes(facts);
  notes.cite(...(options.citeFirst ?? []));
  const rates: RateView[] = [];
  const match = { programmes: [id], topic: null };
  // Cite in reading order, so endnote numbers rise through the document.
  const glance = glanceRows(facts, p, notes, limits.glanceItems, rates);
  const figures = keyFiguresFor(options.layout, figureCandidates(facts, p), notes);
  const sections = parts.sections ? (p.sections ?? []).map((s) => ({ heading: s.heading, body: s.body, notes: notes.cite(...(s.claims ?? [])) })) : [];
  const incentives = parts.incentives ? incentiveRows(facts, [id], id, notes, false, rates) : [];
  const short = limits.timeline === Infinity ? null : shortTimeline(facts, match, match, limits.timeline);
  const timeline = eventViews(short ? short.events : timelineEvents(facts, match), notes);
  const people = parts.people ? peopleFor(facts, p.people ?? [], notes) : [];
  const relatedIds = relatedIdsOf(p);
  // Compared with others only where it has amounts of its own (issue 18): its own bar drawn and named.
  const ownAmounts = (p.incentives ?? []).some(hasAmount);
  const comparison = parts.incentives && ownAmounts ? incentiveRows(facts, comparisonPeers(facts, p.id, relatedIds), id, new Endnotes(facts), true, rates) : [];
  const topics = [...facts.topics.values()].filter((t) => t.programmes.includes(id));
  const relation = (rid: string) => (rid === p.predecessor ? 'predecessor' : rid === p.successor ? 'successor' : 'related');
  const takeaways = p.takeaways ?? [];
  const quotes = parts.quotes ? quotesFor(facts, match, notes) : [];
  const shownTakeaways = takeaways.slice(0, limits.takeaways);
  const openQuestions = parts.openQuestions ? p.openQuestions ?? [] : [];
  const extras = extrasFor(facts, options.layout, { match, figures, takeaways, openQuestions, sections: p.sections ?? [] }, notes);
  // Read once every part has cited its claims: the notes in the order they were cited.
  const endnotes = notes.list();
  return {
    kind: 'programme',
    layout: options.layout,
    lang: facts.meta.language ?? 'en',
    titleBlock: titleBlock(facts, options, {
      kind: 'programme',
      title: leadingName(p.name.en, p.name.native, facts.meta.language ?? 'en'),
      name: programmeName(p, facts.meta.language ?? 'en'),
      aliases: p.name.aliases ?? [],
      subtitle: null,
      gloss: p.name.gloss ?? null,
    }),
    summary: p.summary,
    bottomLine: p.bottomLine ?? null,
    takeaways: shownTakeaways,
    glance,
    programmes: [],
    keyFigures: figures.shown,
    sections,
    timeline,
    incentives,
    incentiveComparison: comparison,
    money: moneyViewOf(facts, [...incentives.map((i) => i.comparison), ...glance.flatMap((g) => (g.incentives ?? []).map((i) => i.comparison))], comparison, rates),
    people,
    organisations: parts.people ? organisationsFor(facts, p.organisations ?? []) : [],
    quotes,
    related: {
      programmes: relatedIds.flatMap((rid) => {
        const other = facts.programmes.get(rid);
        return other ? [{ name: programmeName(other, facts.meta.language ?? 'en'), relation: `relation.${relation(rid)}` }] : [];
      }),
      topics: topics.map((t) => ({ title: t.title })),
    },
    openQuestions,
    endnotes,
    sources: notes.sources(),
    citeSourcePerNote: notes.citesPerNote(),
    notesWithoutSource: notes.hasUnsourced(),
    leftOut: {
      takeaways: takeaways.length - shownTakeaways.length,
      keyFigures: figures.more.length - extras.moreFigures.length,
      events: short?.leftOut ?? 0,
    },
    extras: { ...extras, ...mainSourceOf(notes) },
    keywords: facts.meta.keywords ?? [],
    evidence: evidenceOf(facts, endnotes, { kind: 'programme', id }),
    since: null,
  };
}
