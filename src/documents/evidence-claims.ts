// A claim and a source as facts.json gives them (issue 14 item 2; issue 22 added each claim's
// figures, the programmes and topics it bears on, and its content hash, so that a PDF alone is a
// baseline): keys in a fixed order, fields the data leaves out null.
import type { FactRecord } from '../contracts/editions.js';
import type { Claim, Figure, Source } from '../facts/schema.js';
import { factRecord, recordHash, startOf } from './fact-records.js';

/** A figure a claim reports, its keys in a fixed order. */
export type EvidenceFigure = Partial<Record<'label' | 'qualifier' | 'unit' | 'asOf' | 'note' | 'claim', string>> & { value: Figure['value'] };

/** A claim as the evidence file gives it; fields the data leaves out are null. */
export interface EvidenceClaim {
  id: string;
  note: number;
  statement: string;
  attribution: { kind: string; who: string | undefined };
  source: string | null;
  excerpt: string | null;
  locator: string | null;
  date: string | null;
  confidence: Claim['confidence'];
  /** Absent in facts@1 files. */
  figures?: EvidenceFigure[];
  /** The programmes the claim bears on; absent in facts@1 files. */
  programmes?: string[];
  /** The topics the claim bears on; absent in facts@1 files. */
  topics?: string[];
  /** sha256 of the claim's record (canonical JSON), 16 hex digits; absent in facts@1 files. */
  hash?: string;
}

/** A source as the evidence file gives it: what identifies it and where to find it, never a local path. */
export type EvidenceSource = Record<string, unknown> & { id: string };

/** A claim as facts.json gives it, numbered as the document's note `note`, with its content hash. */
export function claimRecord(claim: Claim, note: number): EvidenceClaim {
  // `locator` (page or section in the source) arrives with the data model's second version.
  const locator = 'locator' in claim && typeof claim.locator === 'string' ? claim.locator : undefined;
  const evidence: EvidenceClaim = {
    id: claim.id,
    note,
    statement: claim.statement,
    attribution: { kind: claim.attribution.kind, who: claim.attribution.who },
    source: claim.source ?? null,
    excerpt: claim.excerpt ?? null,
    locator: locator ?? null,
    date: claim.date === undefined ? null : String(claim.date),
    confidence: claim.confidence,
    figures: (claim.figures ?? []).map(figureRecord),
    programmes: claim.programmes ?? [],
    topics: claim.topics ?? [],
  };
  return { ...evidence, hash: recordOfEvidenceClaim(evidence).hash };
}

function figureRecord(figure: Figure): EvidenceFigure {
  const entries = {
    label: figure.label,
    value: figure.value,
    qualifier: figure.qualifier,
    unit: figure.unit,
    asOf: figure.asOf === undefined ? undefined : String(figure.asOf),
    note: figure.note,
    claim: figure.claim,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as EvidenceFigure;
}

/** A claim's record, as facts.json gives the claim (its note number and hash are not content), with its hash. */
export function recordOfEvidenceClaim(claim: Omit<EvidenceClaim, 'note' | 'hash'>): FactRecord {
  return withHash(factRecord('claim', claim.id, startOf(claim.statement), claim, ['id', 'note', 'hash']));
}

/** The record with its content hash, worked out from the rest of it. */
export function withHash(record: FactRecord): FactRecord {
  const { hash: _hash, ...content } = record;
  return { ...content, hash: recordHash(content) };
}

/** A source as facts.json gives it. */
export function sourceRecord(source: Source): EvidenceSource {
  return {
    id: source.id,
    publisher: source.publisher,
    headline: source.headline,
    ...(source.reprintHeadline === undefined ? {} : { reprintHeadline: source.reprintHeadline }),
    date: String(source.date),
    dateline: source.dateline ?? null,
    byline: source.byline ?? [],
    basis: source.basis ?? null,
    url: source.url ? source.url : null,
    ...(source.confidence === undefined ? {} : { confidence: sortedKeys(source.confidence) }),
  };
}

function sortedKeys<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}
