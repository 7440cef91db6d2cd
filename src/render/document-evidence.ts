// The evidence travels with the document (issue 14 item 2): facts.json, attached to each PDF,
// holds the claims the document cites (its endnotes, numbered as printed) and the sources they
// come from, so that a recipient can check the brief and load its facts into a tracker of their
// own. The same data gives the same bytes: keys in a fixed order, no time but the data's own.
// facts@2 (issue 22) adds each claim's figures, links and content hash, and the other records the
// document draws on (its subject, amounts, events, quotes, people, organisations, and claims on its
// subject it does not cite, as flat records): a PDF alone is a baseline.
import type { DocumentAttachment, DocumentSpec } from '../contracts/document.js';
import type { EvidenceView } from '../documents/evidence-view.js';

/** The attachment's name in every PDF. */
export const EVIDENCE_FILE = 'facts.json';
/** What the file's shape is called: a reader can tell this version from later ones. */
export const EVIDENCE_FORMAT = 'briefing-press/facts@2';

/** facts.json for one document: its cited claims in note order, and their sources in order of first citation. */
export function documentEvidence(view: EvidenceView, spec: DocumentSpec, title: string, description: string): DocumentAttachment {
  const given = new Set([...view.claims.map((c) => `claim:${c.id}`), ...view.sources.map((s) => `source:${s.id}`)]);
  const evidence = {
    format: EVIDENCE_FORMAT,
    document: { key: printedKey(spec), title, asOf: view.asOf, ...(view.edition ? { edition: view.edition } : {}) },
    claims: view.claims,
    sources: view.sources,
    // The claims and sources cited are given above in full; the rest of what the document draws on here.
    records: view.records.filter((r) => !given.has(`${r.entity}:${r.id}`)),
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
