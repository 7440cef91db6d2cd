// What a document built with --since shows of its changes (issue 22): the "Since the last edition"
// part, the one-pager's line, the cover line and the notes whose passages are marked. The changes
// come from the batch (src/editions compares the editions); this only words them for the page.
import type { Change, FactRecord, SinceEdition } from '../contracts/editions.js';
import type { ChangeLineView, SinceView } from './since-types.js';
import type { AmountView, DocumentView } from './view-types.js';

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
export function withSince(
  view: DocumentView,
  edition: SinceEdition,
  changes: readonly Change[],
  records: { now: readonly FactRecord[]; before: readonly FactRecord[] },
): DocumentView {
  const titleBlock = { ...view.titleBlock, edition: String(edition.number), previousAsOf: edition.previousAsOf };
  const evidence = { ...view.evidence, edition: { number: edition.number, previousAsOf: edition.previousAsOf } };
  const shown = changes.filter((change) => !isClaimLink(change));
  if (shown.length === 0) return { ...view, titleBlock, evidence };
  const noteOf = new Map(view.endnotes.map((note) => [note.claimId, note.number]));
  const byKey = new Map(records.now.map((r) => [`${r.entity}:${r.id}`, r]));
  const before = new Map(records.before.map((r) => [`${r.entity}:${r.id}`, r]));
  const notesOf = (change: Change): number[] => {
    if (change.type === 'removed') return [];
    const record = byKey.get(`${change.entity}:${change.id}`);
    const claims = change.entity === 'claim' ? [change.id] : claimsOf(record);
    return [...new Set(claims.flatMap((id) => (noteOf.has(id) ? [noteOf.get(id)!] : [])))].sort((a, b) => a - b);
  };
  const lines = collapseAmounts(shown, byKey, before).map((change) => ({
    type: change.type,
    line: lineOf({ ...change, label: wholeName(change, byKey, before) }, notesOf(change)),
  }));
  const pick = (type: Change['type']) => lines.filter((l) => l.type === type).map((l) => l.line);
  const ordered = [...pick('changed'), ...pick('added'), ...pick('removed')];
  const since: SinceView = {
    edition: edition.number,
    previousAsOf: edition.previousAsOf,
    added: pick('added'),
    changed: pick('changed'),
    removed: pick('removed'),
    count: ordered.length,
    first: ordered[0]!,
    more: ordered.length - 1,
    notes: [...new Set(ordered.flatMap((l) => l.notes))].sort((a, b) => a - b),
  };
  return { ...view, titleBlock, evidence, since };
}

/**
 * The claims the "Since the last edition" part cites, in the order it shows them (changed, then
 * new; a withdrawn claim is gone from the data): the view is built again citing them first, so that
 * a new claim nothing else cites has a note, and the part's notes are numbered as a reader meets them.
 */
export function sinceClaims(changes: readonly Change[], records: readonly FactRecord[]): string[] {
  const byKey = new Map(records.map((r) => [`${r.entity}:${r.id}`, r]));
  const shown = changes.filter((change) => !isClaimLink(change) && change.type !== 'removed');
  const ordered = [...shown.filter((c) => c.type === 'changed'), ...shown.filter((c) => c.type === 'added')];
  return [...new Set(ordered.flatMap((c) => (c.entity === 'claim' ? [c.id] : claimsOf(byKey.get(`${c.entity}:${c.id}`)))))];
}

/**
 * What a change is about, whole: a claim's statement, an event with its date, a quote with its
 * speaker. The diff's label is cut at 60 characters for a line of its own; the brief has room.
 */
function wholeName(change: Change, now: ReadonlyMap<string, FactRecord>, before: ReadonlyMap<string, FactRecord>): string {
  const key = `${change.entity}:${change.id}`;
  const fields = (change.type === 'removed' ? before.get(key) : now.get(key) ?? before.get(key))?.fields;
  if (!fields) return change.label;
  if (change.entity === 'claim' && fields.statement) return fields.statement;
  if (change.entity === 'event' && fields.event) return fields.date ? `${fields.date}: ${fields.event}` : fields.event;
  if (change.entity === 'quote' && fields.words) return fields.speaker ? `${fields.speaker}: “${fields.words}”` : `“${fields.words}”`;
  return change.label;
}

function lineOf(change: LineChange, notes: number[]): ChangeLineView {
  const path = change.field ?? null;
  const word = path === null ? undefined : FIELD_WORDS[path];
  return {
    kind: `change-kind.${change.entity}`,
    name: change.label,
    field: word ? `change-field.${word}` : null,
    path: word ? null : path,
    old: change.old ?? null,
    new: change.new ?? null,
    oldAmount: change.amounts?.old ?? null,
    newAmount: change.amounts?.new ?? null,
    notes,
  };
}

/** An amount's fields that make its value: a change to any of them is one change of the amount. */
const AMOUNT_FIELDS = new Set(['amount', 'min', 'max', 'currency', 'qualifier']);

type LineChange = Change & { amounts?: { old: AmountView; new: AmountView } };

/** Changes, with those of one amount's value made one, old and new as amounts (the brief's "CN¥3–5m"). */
function collapseAmounts(changes: readonly Change[], now: ReadonlyMap<string, FactRecord>, before: ReadonlyMap<string, FactRecord>): LineChange[] {
  const done = new Set<string>();
  return changes.flatMap((change): LineChange[] => {
    const key = `${change.entity}:${change.id}`;
    if (change.entity !== 'amount' || change.type !== 'changed' || !AMOUNT_FIELDS.has(change.field ?? '')) return [change];
    const [was, is] = [amountOfRecord(before.get(key)), amountOfRecord(now.get(key))];
    if (!was || !is) return [change];
    if (done.has(key)) return [];
    done.add(key);
    // The kind says it is an amount: no field named beside it.
    const { field: _field, ...whole } = change;
    return [{ ...whole, amounts: { old: was, new: is } }];
  });
}

/** The amount an amount record gives, as the brief prints it; null where it gives none. */
function amountOfRecord(record: FactRecord | undefined): AmountView | null {
  if (!record) return null;
  const number = (field: string) => (record.fields[field] === undefined ? null : Number(record.fields[field]));
  const amount = number('amount');
  const currency = record.fields.currency;
  if (currency === undefined || (amount === null && number('min') === null && number('max') === null)) return null;
  const qualifier = (record.fields.qualifier ?? null) as AmountView['qualifier'];
  return { currency, amount, min: amount === null ? number('min') : null, max: amount === null ? number('max') : null, qualifier };
}

/**
 * A change to which claims a record cites (`target.claims.2`): the claim added or withdrawn is
 * told of itself, and the passage citing it is marked; the list's reshuffle tells a reader nothing.
 */
function isClaimLink(change: Change): boolean {
  return change.type === 'changed' && /(^|\.)claims?(\.\d+)?$/.test(change.field ?? '');
}

/** The claims a record names: its `claim`, its `claims` (a list, or numbered paths). */
function claimsOf(record: FactRecord | undefined): string[] {
  if (!record) return [];
  return Object.entries(record.fields)
    .filter(([path]) => /^claims?(\.\d+|\[\d+\])?$/.test(path))
    .flatMap(([, value]) => value.split(/,\s*/))
    .filter((id) => id !== '');
}
