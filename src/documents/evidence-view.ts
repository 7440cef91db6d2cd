// The evidence a document cites (issue 14 item 2), as facts.json carries it: its claims in note
// order and the sources they come from, from the facts alone; and (issue 22) every record the
// document draws on, which a later edition compares with. Render writes it as the attached file.
import type { Subject } from '../contracts/document.js';
import type { FactRecord, SinceEdition } from '../contracts/editions.js';
import type { Facts } from '../facts/facts.js';
import { recordsDrawnOn } from './document-records.js';
import { sourceRecord, type EvidenceClaim, type EvidenceSource } from './evidence-claims.js';
import { recordIndex } from './facts-as-records.js';

export type { EvidenceClaim, EvidenceFigure, EvidenceSource } from './evidence-claims.js';

/** What a document's evidence file holds, besides what names the document. */
export interface EvidenceView {
  asOf: string;
  claims: EvidenceClaim[];
  sources: EvidenceSource[];
  /** Every record the document draws on (claims and sources among them), sorted by entity and id. */
  records: FactRecord[];
  /** In a build with --since: this edition's number and the previous one's date (issue 22). */
  edition?: SinceEdition;
}

/** The claims the endnotes cite, in note order, and their sources in order of first citation; the records `subject`'s document draws on. */
export function evidenceOf(facts: Facts, endnotes: readonly { claimId: string; number: number }[], subject: Subject): EvidenceView {
  // Each claim's record and hash are made once for the dataset (facts-as-records.ts), numbered here.
  const index = recordIndex(facts);
  const claims = endnotes.flatMap((note) => {
    const claim = index.claims.get(note.claimId);
    return claim ? [{ ...claim, note: note.number }] : [];
  });
  const sourceIds = [...new Set(claims.map((c) => c.source).filter((id): id is string => typeof id === 'string'))];
  const sources = sourceIds.flatMap((id) => {
    const source = facts.sources.get(id);
    return source ? [sourceRecord(source)] : [];
  });
  const records = recordsDrawnOn(facts, subject, endnotes.map((note) => note.claimId));
  return { asOf: String(facts.meta.asOf), claims, sources, records };
}
