// The records a document draws on (issue 22): its subject, its amounts, the events, quotes, people
// and organisations it shows, the claims it cites or that bear on its subject, and their sources.
// What a build compares with its baseline to tell a document what changed since.
import type { Subject } from '../contracts/document.js';
import type { FactRecord } from '../contracts/editions.js';
import type { Facts } from '../facts/facts.js';
import { sortRecords } from './fact-records.js';
import { recordIndex } from './facts-as-records.js';

interface Match {
  programmes: readonly string[];
  topic: string | null;
}

const bearsOn = (record: { programmes?: string[]; topics?: string[] }, match: Match) =>
  Boolean(record.programmes?.some((p) => match.programmes.includes(p)) || (match.topic !== null && record.topics?.includes(match.topic)));

const present = <T>(map: ReadonlyMap<string, T>, ids: readonly (string | undefined)[]): T[] =>
  [...new Set(ids)].flatMap((id) => (id === undefined ? [] : map.get(id) ?? []));

/** What the subject spans: a programme itself, a topic its programmes. */
function matchOf(facts: Facts, subject: Subject): Match {
  const topic = subject.kind === 'topic' ? facts.topics.get(subject.id) : undefined;
  return topic ? { programmes: topic.programmes, topic: topic.id } : { programmes: [subject.id], topic: null };
}

/** The records a document about `subject` draws on, sorted; `citedClaims` are the ids its endnotes cite. */
export function recordsDrawnOn(facts: Facts, subject: Subject, citedClaims: readonly string[]): FactRecord[] {
  const match = matchOf(facts, subject);
  const programmes = present(facts.programmes, match.programmes);
  const topic = match.topic === null ? undefined : facts.topics.get(match.topic);
  const events = [...facts.timeline.values()].filter((e) => bearsOn(e, match));
  const quotes = [...facts.quotes.values()].filter((q) => bearsOn(q, match));
  const people = present(facts.people, [...programmes.flatMap((p) => p.people ?? []), ...quotes.map((q) => q.person)]);
  const organisationIds = programmes.flatMap((p) => [p.sponsor?.organisation, ...(p.organisations ?? [])]);
  const organisations = present(facts.organisations, [...organisationIds, ...people.map((p) => p.organisation)]);
  const bearing = topic ? facts.claimsByTopic.get(topic.id) ?? [] : facts.claimsByProgramme.get(subject.id) ?? [];
  const claims = [...present(facts.claims, citedClaims), ...bearing];
  const sources = present(facts.sources, [...claims.map((c) => c.source), ...quotes.map((q) => q.source)]);
  // Made once for the dataset (facts-as-records.ts): a document only picks its own.
  const index = recordIndex(facts);
  const keys = [
    // A topic's document is about the topic: its programmes' own records are their documents' (a
    // programme's summary edited is no change to the topic, which shows their amounts and events).
    ...(topic ? [`topic:${topic.id}`] : programmes.map((p) => `programme:${p.id}`)),
    ...claims.map((c) => `claim:${c.id}`),
    ...events.map((e) => `event:${e.id}`),
    ...quotes.map((q) => `quote:${q.id}`),
    ...people.map((p) => `person:${p.id}`),
    ...organisations.map((o) => `organisation:${o.id}`),
    ...sources.map((s) => `source:${s.id}`),
  ];
  const amounts = programmes.flatMap((p) => index.amounts.get(p.id) ?? []);
  return sortRecords([...keys.flatMap((key) => index.byKey.get(key) ?? []), ...amounts]);
}
