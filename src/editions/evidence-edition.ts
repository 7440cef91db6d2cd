// An edition read from the facts.json files documents carry (issue 22): facts@2 gives every record
// a document draws on; facts@1 gives its claims and sources alone (each claim's hash is worked out
// again from its record). The same record read from two documents is the same record.
import { ENTITY_KINDS, type Edition, type EntityKind, type FactRecord, type RecordKey } from '../contracts/editions.js';
import { recordOfEvidenceClaim, withHash, type EvidenceClaim, type EvidenceSource } from '../documents/evidence-claims.js';
import { recordKey, sortedFields, sortRecords } from '../documents/fact-records.js';
import { recordOfEvidenceSource } from '../documents/facts-as-records.js';

/** The versions of facts.json this reads. */
const FORMATS = ['briefing-press/facts@1', 'briefing-press/facts@2'] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Whether a parsed file is a document's facts.json, of a version this reads. */
export function isEvidence(value: unknown): value is Json {
  return isObject(value) && (FORMATS as readonly unknown[]).includes(value.format) && isObject(value.document);
}

/** One document's evidence: its key, the data's date, its edition, the records it draws on. */
export interface DocumentEvidence {
  key: string;
  asOf: string;
  number: number;
  records: FactRecord[];
  /** The claims its notes cite. */
  cited: string[];
}

/** What one facts.json says. */
export function readEvidence(evidence: Json): DocumentEvidence {
  const document = evidence.document as Json;
  const claims = list(evidence.claims).filter(isObject).map((c) => recordOfEvidenceClaim(c as unknown as EvidenceClaim));
  const sources = list(evidence.sources).filter(isObject).map((s) => recordOfEvidenceSource(s as EvidenceSource));
  const others = list(evidence.records).flatMap((r) => {
    const record = factRecordOf(r);
    return record ? [record] : [];
  });
  // A build with --since gives `document.edition` as {number, previousAsOf}.
  const given = evidence.edition ?? document.edition;
  const edition = Number(isObject(given) ? given.number : given ?? 1);
  return {
    key: String(document.key),
    asOf: String(document.asOf ?? ''),
    number: Number.isInteger(edition) && edition > 0 ? edition : 1,
    records: sortRecords([...claims, ...sources, ...others]),
    cited: claims.map((c) => c.id),
  };
}

function factRecordOf(value: unknown): FactRecord | undefined {
  if (!isObject(value) || !(ENTITY_KINDS as readonly unknown[]).includes(value.entity) || typeof value.id !== 'string') return undefined;
  const fields = isObject(value.fields) ? Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, String(v)])) : {};
  const record: FactRecord = { entity: value.entity as EntityKind, id: value.id, label: String(value.label ?? value.id), fields: sortedFields(fields) };
  // A claim's hash is worked out again from its record, as for a facts@1 file that gives none.
  return record.entity === 'claim' ? withHash(record) : record;
}

/** The edition several documents make together: every record any draws on, and each document's list. */
export function editionOfDocuments(documents: readonly DocumentEvidence[]): Edition {
  const records = sortRecords(documents.flatMap((d) => d.records));
  const lists = new Map<string, RecordKey[]>();
  const cited = new Map<string, string[]>();
  for (const document of documents) {
    const keys = lists.get(document.key) ?? [];
    lists.set(document.key, [...new Set([...keys, ...document.records.map(recordKey)])]);
    cited.set(document.key, [...new Set([...(cited.get(document.key) ?? []), ...document.cited])]);
  }
  // The latest date and edition any of them gives: a pack's documents share one.
  const asOf = documents.map((d) => d.asOf).sort().at(-1) ?? '';
  const number = Math.max(1, ...documents.map((d) => d.number));
  return { asOf, number, records, documents: lists, cited };
}
