// What a document built with --since shows of its changes (issue 22): the "Since the last edition"
// part, the one-pager's line, the cover line and the notes whose passages are marked. The changes
// come from the batch (src/editions compares the editions); this only words them for the page.
import type { Change, FactRecord, SinceEdition } from '../contracts/editions.js';
import type { DocumentView } from './view-types.js';

/** One change as the part lists it. */
export interface ChangeLineView {
  /** A label key for what it is about: `change-kind.claim`, `change-kind.amount`. */
  kind: string;
  /** What a reader calls it: a name, or the start of a statement. */
  name: string;
  /** A label key for the field that changed (`change-field.amount`); null for a whole record, or a field with no word of its own. */
  field: string | null;
  /** The field's path as the data names it, where it has no label of its own. */
  path: string | null;
  old: string | null;
  new: string | null;
  /** The notes of the claims behind it, in this document; none for a withdrawn record. */
  notes: number[];
}

/** The "Since the last edition" part of a document whose facts changed. */
export interface SinceView {
  /** This edition's number. */
  edition: number;
  /** The previous edition's as-of date (ISO). */
  previousAsOf: string;
  added: ChangeLineView[];
  changed: ChangeLineView[];
  removed: ChangeLineView[];
  /** Every change counted. */
  count: number;
  /** The first change, for the one-pager's line, and how many more there are. */
  first: ChangeLineView;
  more: number;
  /** Notes of the claims new or changed: the passages citing them are marked in the margin. */
  notes: number[];
}

/** Fields with a word of their own (a label key under `change-field.`), by path; any other is shown by its path. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  'name.en': 'name',
  statement: 'statement',
  amount: 'amount',
  min: 'amount',
  max: 'amount',
  date: 'date',
  event: 'event',
  status: 'status',
  title: 'title',
  source: 'source',
  confidence: 'confidence',
  excerpt: 'excerpt',
};

/**
 * The view with its edition: the cover line always, and where `changes` has any, the part and the
 * marks. `records` are the records the document draws on (to find the claim behind an amount or an
 * event); none changed leaves the content as it was.
 */
export function withSince(view: DocumentView, edition: SinceEdition, changes: readonly Change[], records: readonly FactRecord[]): DocumentView {
  const titleBlock = { ...view.titleBlock, edition: String(edition.number), previousAsOf: edition.previousAsOf };
  if (changes.length === 0) return { ...view, titleBlock };
  const noteOf = new Map(view.endnotes.map((note) => [note.claimId, note.number]));
  const byKey = new Map(records.map((r) => [`${r.entity}:${r.id}`, r]));
  const notesOf = (change: Change): number[] => {
    if (change.type === 'removed') return [];
    const record = byKey.get(`${change.entity}:${change.id}`);
    const claims = change.entity === 'claim' ? [change.id] : claimsOf(record);
    return [...new Set(claims.flatMap((id) => (noteOf.has(id) ? [noteOf.get(id)!] : [])))].sort((a, b) => a - b);
  };
  const lines = changes.map((change) => ({ type: change.type, line: lineOf(change, notesOf(change)) }));
  const pick = (type: Change['type']) => lines.filter((l) => l.type === type).map((l) => l.line);
  const ordered = [...pick('changed'), ...pick('added'), ...pick('removed')];
  const since: SinceView = {
    edition: edition.number,
    previousAsOf: edition.previousAsOf,
    added: pick('added'),
    changed: pick('changed'),
    removed: pick('removed'),
    count: changes.length,
    first: ordered[0]!,
    more: changes.length - 1,
    notes: [...new Set(ordered.flatMap((l) => l.notes))].sort((a, b) => a - b),
  };
  return { ...view, titleBlock, since };
}

function lineOf(change: Change, notes: number[]): ChangeLineView {
  const path = change.field ?? null;
  const word = path === null ? undefined : FIELD_WORDS[path];
  return {
    kind: `change-kind.${change.entity}`,
    name: change.label,
    field: word ? `change-field.${word}` : null,
    path: word ? null : path,
    old: change.old ?? null,
    new: change.new ?? null,
    notes,
  };
}

/** The claims a record names: its `claim`, its `claims` (a list, or numbered paths). */
function claimsOf(record: FactRecord | undefined): string[] {
  if (!record) return [];
  return Object.entries(record.fields)
    .filter(([path]) => /^claims?(\.\d+|\[\d+\])?$/.test(path))
    .flatMap(([, value]) => value.split(/,\s*/))
    .filter((id) => id !== '');
}
