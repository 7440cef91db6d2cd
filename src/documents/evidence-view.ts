// The evidence a document cites (issue 14 item 2), as facts.json carries it: its claims in note
// order and the sources they come from, from the facts alone. Render writes it as the attached file.
import type { Facts } from '../facts/facts.js';
import type { Claim, Source } from '../facts/schema.js';

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
}

/** A source as the evidence file gives it: what identifies it and where to find it, never a local path. */
export type EvidenceSource = Record<string, unknown> & { id: string };

/** What a document's evidence file holds, besides what names the document. */
export interface EvidenceView {
  asOf: string;
  claims: EvidenceClaim[];
  sources: EvidenceSource[];
}

/** The claims the endnotes cite, in note order, and their sources in order of first citation. */
export function evidenceOf(facts: Facts, endnotes: readonly { claimId: string; number: number }[]): EvidenceView {
  const claims = endnotes.flatMap((note) => {
    const claim = facts.claims.get(note.claimId);
    return claim ? [claimRecord(claim, note.number)] : [];
  });
  const sourceIds = [...new Set(claims.map((c) => c.source).filter((id): id is string => typeof id === 'string'))];
  const sources = sourceIds.flatMap((id) => {
    const source = facts.sources.get(id);
    return source ? [sourceRecord(source)] : [];
  });
  return { asOf: String(facts.meta.asOf), claims, sources };
}

function claimRecord(claim: Claim, note: number): EvidenceClaim {
  // `locator` (page or section in the source) arrives with the data model's second version.
  const locator = 'locator' in claim && typeof claim.locator === 'string' ? claim.locator : undefined;
  return {
    id: claim.id,
    note,
    statement: claim.statement,
    attribution: { kind: claim.attribution.kind, who: claim.attribution.who },
    source: claim.source ?? null,
    excerpt: claim.excerpt ?? null,
    locator: locator ?? null,
    date: claim.date === undefined ? null : String(claim.date),
    confidence: claim.confidence,
  };
}

function sourceRecord(source: Source): EvidenceSource {
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
