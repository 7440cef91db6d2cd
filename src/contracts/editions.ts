// What changed since the last edition (issue 22): the shapes the diff hands to the build, the
// documents and the pack. `src/editions` reads an edition (a data folder, an output folder, a pack
// or one PDF) and compares two; the rest of the pipeline only sees these records.

/** The kinds of record a change can be about, in the order a reader is told of them. */
export const ENTITY_KINDS = ['programme', 'topic', 'claim', 'amount', 'event', 'quote', 'person', 'organisation', 'source'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** One record of the facts, flattened: each field a path (`name.en`, `min`) and its value as text. */
export interface FactRecord {
  entity: EntityKind;
  /** Stable across editions: the data's id, or for an amount `<programme>/<kind>`. */
  id: string;
  /** What a reader calls it: a name, or the start of a statement. */
  label: string;
  fields: Readonly<Record<string, string>>;
  /** A claim's content hash, as facts.json gives it: sha256 of the record's canonical JSON (without this field), 16 hex digits. */
  hash?: string;
}

/** `<entity>:<id>`: a record's key across editions. */
export type RecordKey = string;

/** The facts of one edition, however they were read. */
export interface Edition {
  /** The data's as-of date (ISO). */
  asOf: string;
  /** 1 for a build made without --since; one more than its baseline's otherwise. */
  number: number;
  /** Sorted by entity (in ENTITY_KINDS order), then id. */
  records: readonly FactRecord[];
  /** The records each document draws on, by document key (`programmes/qiming/brief`); empty for a data folder. */
  documents: ReadonlyMap<string, readonly RecordKey[]>;
  /** The claims each document cites in its notes, by document key (read from its PDF); absent for a data folder. */
  cited?: ReadonlyMap<string, readonly string[]>;
}

/** One change, by stable id: a field's old and new value, or a whole record added or removed. */
export interface Change {
  type: 'added' | 'removed' | 'changed';
  entity: EntityKind;
  id: string;
  /** The record's label in the newer edition (the older one for a removal). */
  label: string;
  /** For `changed`: the field's path. */
  field?: string;
  old?: string;
  new?: string;
}

/** What a document built with --since is told of its baseline. */
export interface SinceEdition {
  /** This build's edition number. */
  number: number;
  /** The baseline's as-of date (ISO): "Since the last edition (12 May 2026)". */
  previousAsOf: string;
}
