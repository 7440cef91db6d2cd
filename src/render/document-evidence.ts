// The evidence travels with the document (issue 14 item 2): facts.json, attached to each PDF,
// holds the claims the document cites (its endnotes, numbered as printed) and the sources they
// come from, so that a recipient can check the brief and load its facts into a tracker of their
// own. The same data gives the same bytes: keys in a fixed order, no time but the data's own.
import type { DocumentAttachment, DocumentSpec } from '../contracts/document.js';
import type { DocumentView } from '../documents/view-types.js';
import type { Facts } from '../facts/facts.js';
import type { Claim, Source } from '../facts/schema.js';

/** The attachment's name in every PDF. */
export const EVIDENCE_FILE = 'facts.json';
/** What the file's shape is called: a reader can tell this version from later ones. */
export const EVIDENCE_FORMAT = 'briefing-press/facts@1';

/** facts.json for one document: its cited claims in note order, and their sources in order of first citation. */
export function documentEvidence(facts: Facts, view: DocumentView, spec: DocumentSpec, title: string, description: string): DocumentAttachment {
  const claims = view.endnotes.flatMap((note) => {
    const claim = facts.claims.get(note.claimId);
    return claim ? [claimRecord(claim, note.number)] : [];
  });
  const sourceIds = [...new Set(claims.map((c) => c.source).filter((id): id is string => typeof id === 'string'))];
  const sources = sourceIds.flatMap((id) => {
    const source = facts.sources.get(id);
    return source ? [sourceRecord(source)] : [];
  });
  const evidence = {
    format: EVIDENCE_FORMAT,
    document: { key: printedKey(spec), title, asOf: String(facts.meta.asOf) },
    claims,
    sources,
  };
  return {
    name: EVIDENCE_FILE,
    mimeType: 'application/json',
    description,
    relationship: 'Data',
    content: `${JSON.stringify(evidence, null, 2)}\n`,
  };
}

/**
 * The key of the PDF the file travels in. An HTML view is the same rendering as its subject's brief
 * (relabelled, not rendered again), so its evidence names the brief whichever was rendered first:
 * the same data gives the same bytes however a run is split.
 */
function printedKey(spec: DocumentSpec): string {
  return `${spec.key.slice(0, spec.key.lastIndexOf('/') + 1)}${spec.layout}`;
}

/** A claim as the file gives it; fields the data leaves out are left out. */
function claimRecord(claim: Claim, note: number) {
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

/** A source as the file gives it: what identifies it and where to find it, never a local path. */
function sourceRecord(source: Source) {
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
