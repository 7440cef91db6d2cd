// Each kind of fact as a record of an edition (issue 22): what a reader calls it, and its fields.
// Claims and sources are made from what facts.json gives of them, so that a record read back from
// a PDF is the record the data gives.
import type { FactRecord, RecordKey } from '../contracts/editions.js';
import type { Facts, OrganisationFacts, PersonFacts, ProgrammeFacts } from '../facts/facts.js';
import type { Incentive, Quote, TimelineEvent, Topic } from '../facts/schema.js';
import { claimRecord, recordOfEvidenceClaim, sourceRecord, type EvidenceClaim, type EvidenceSource } from './evidence-claims.js';
import { factRecord, recordKey, sortRecords, startOf } from './fact-records.js';

/** A programme: its names, status, level, dates, sponsor, summary and prose; its amounts are records of their own. */
export function programmeRecord(p: ProgrammeFacts): FactRecord {
  return factRecord('programme', p.id, p.name.en ?? p.name.native?.text ?? p.id, p, ['id', 'origin', 'incentives']);
}

export function topicRecord(t: Topic): FactRecord {
  return factRecord('topic', t.id, t.title, t);
}

/** A slug of a label: lowercase letters and digits, apart by hyphens. */
const slug = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

/**
 * A programme's incentives, each `<programme>/<kind>`: stable while the data revises its amounts.
 * A kind the programme has more than once is told apart by the claim that reports it, then by
 * the start of its label (`<programme>/<kind>-<claim>`).
 */
export function amountRecords(p: ProgrammeFacts): FactRecord[] {
  const incentives = p.incentives ?? [];
  const count = (test: (i: Incentive) => boolean) => incentives.filter(test).length;
  const used = new Set<string>();
  return incentives.map((incentive) => {
    const sameKind = (i: Incentive) => i.kind === incentive.kind;
    const sameClaim = (i: Incentive) => sameKind(i) && i.claim === incentive.claim;
    const words = slug(incentive.label).split('-').slice(0, 4).join('-');
    const base =
      count(sameKind) === 1 ? `${p.id}/${incentive.kind}` : `${p.id}/${incentive.kind}-${incentive.claim}${count(sameClaim) === 1 ? '' : `-${words}`}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return factRecord('amount', id, incentive.label, incentive, []);
  });
}

export function eventRecord(e: TimelineEvent): FactRecord {
  return factRecord('event', e.id, startOf(`${String(e.date)}: ${e.event}`), e);
}

export function quoteRecord(q: Quote): FactRecord {
  return factRecord('quote', q.id, startOf(`${q.speaker}: ${q.words}`), q);
}

export function personRecord(p: PersonFacts): FactRecord {
  return factRecord('person', p.id, p.name, p);
}

export function organisationRecord(o: OrganisationFacts): FactRecord {
  return factRecord('organisation', o.id, o.name ?? o.native?.text ?? o.abbreviation ?? o.id, o);
}

/** A source as facts.json gives it: never a local path. */
export function recordOfEvidenceSource(source: EvidenceSource): FactRecord {
  const publisher = typeof source.publisher === 'string' ? source.publisher : '';
  const headline = typeof source.headline === 'string' ? source.headline : '';
  return factRecord('source', source.id, startOf([publisher, headline].filter(Boolean).join(': ') || source.id), source, ['id']);
}

/** Every record of the facts, indexed: made once for a dataset, however many documents draw on it. */
export interface RecordIndex {
  /** Sorted by entity and id. */
  all: FactRecord[];
  byKey: ReadonlyMap<RecordKey, FactRecord>;
  /** Each programme's amounts, in data order. */
  amounts: ReadonlyMap<string, FactRecord[]>;
  /** Each claim as facts.json gives it, with its hash, numbered 0: a document gives it its note's number. */
  claims: ReadonlyMap<string, EvidenceClaim>;
}

const indexes = new WeakMap<Facts, RecordIndex>();

/** The records of the facts, made on first asking and kept with them. */
export function recordIndex(facts: Facts): RecordIndex {
  const known = indexes.get(facts);
  if (known) return known;
  const amounts = new Map([...facts.programmes.values()].map((p) => [p.id, amountRecords(p)]));
  const claims = new Map([...facts.claims.values()].map((c) => [c.id, claimRecord(c, 0)]));
  const all = sortRecords([
    ...[...facts.programmes.values()].map(programmeRecord),
    ...[...facts.topics.values()].map(topicRecord),
    ...[...claims.values()].map(recordOfEvidenceClaim),
    ...[...amounts.values()].flat(),
    ...[...facts.timeline.values()].map(eventRecord),
    ...[...facts.quotes.values()].map(quoteRecord),
    ...[...facts.people.values()].map(personRecord),
    ...[...facts.organisations.values()].map(organisationRecord),
    ...[...facts.sources.values()].map((s) => recordOfEvidenceSource(sourceRecord(s))),
  ]);
  const index = { all, byKey: new Map(all.map((r) => [recordKey(r), r])), amounts, claims };
  indexes.set(facts, index);
  return index;
}

/** Every record of the facts, sorted by entity and id: the edition a data folder is. */
export function recordsOfFacts(facts: Facts): FactRecord[] {
  return recordIndex(facts).all;
}
