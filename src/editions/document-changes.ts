// What changed for one document since its baseline (issue 22): the records it draws on now
// compared with those the baseline's same document drew on. A baseline without per-document lists
// (a data folder) lends the records whose fields link them to the document's subject.
import type { Change, Edition, FactRecord, RecordKey } from '../contracts/editions.js';
import { FORMAT_TABLE, formatOfKey } from '../contracts/layouts.js';
import { recordKey } from '../documents/fact-records.js';
import { diffRecords } from './diff-editions.js';

/** The changes that concern the document `documentKey` (`programmes/qiming/brief`), which now draws on `records`. */
export function documentChanges(baseline: Edition, documentKey: string, records: readonly FactRecord[], citedNow?: readonly string[]): Change[] {
  const known = new Map<RecordKey, FactRecord>(baseline.records.map((r) => [recordKey(r), r]));
  const listed = baseline.documents.get(documentKey) ?? baseline.documents.get(printedKeyOf(documentKey));
  const drawn = listed ?? (baseline.documents.size === 0 ? linkedKeys(baseline.records, documentKey) : []);
  // Records it draws on now that the baseline knew are compared, whoever drew on them then.
  const keys = new Set([...drawn, ...records.map(recordKey).filter((key) => known.has(key))]);
  const changes = diffRecords([...keys].flatMap((key) => known.get(key) ?? []), records);
  const citedBefore = baseline.cited?.get(documentKey) ?? baseline.cited?.get(printedKeyOf(documentKey));
  return changes.filter(printedIn({ now: new Map(records.map((r) => [recordKey(r), r])), before: known }, citedNow, citedBefore));
}

/** Amounts and events rest on a claim, and are printed where it is cited. */
const SHOWN_BY_CLAIM = new Set<string>(['amount', 'event']);

/**
 * Whether a change is to something the document prints, now or in its baseline: a fact sheet's
 * short timeline, or a topic that compares some of its programmes' amounts, shows only those whose
 * claims its notes cite. Where the cited claims are not known (a data folder), it is kept.
 */
function printedIn(records: { now: ReadonlyMap<RecordKey, FactRecord>; before: ReadonlyMap<RecordKey, FactRecord> }, citedNow?: readonly string[], citedBefore?: readonly string[]) {
  const cites = (cited: readonly string[] | undefined, record: FactRecord | undefined) => {
    const claim = record?.fields.claim;
    return record !== undefined && (claim === undefined || cited === undefined || cited.includes(claim));
  };
  return (change: Change): boolean => {
    if (!SHOWN_BY_CLAIM.has(change.entity)) return true;
    const key = `${change.entity}:${change.id}`;
    return (change.type !== 'removed' && cites(citedNow, records.now.get(key))) || (change.type !== 'added' && cites(citedBefore, records.before.get(key)));
  };
}

/**
 * The key facts.json names a document by: an HTML view carries no facts.json of its own, and is
 * the rendering of its subject's brief (`programmes/qiming/html` -> `programmes/qiming/brief`).
 */
function printedKeyOf(documentKey: string): string {
  const format = formatOfKey(documentKey);
  return format === undefined ? documentKey : `${documentKey.slice(0, documentKey.lastIndexOf('/') + 1)}${FORMAT_TABLE[format].layout}`;
}

/** The values of a field that is a list (`programmes.0`, `programmes.1`) or a single value (`source`). */
function valuesOf(record: FactRecord, field: string): string[] {
  return Object.entries(record.fields).flatMap(([path, value]) => {
    if (path === field) return [value];
    const rest = path.startsWith(`${field}.`) ? path.slice(field.length + 1) : '';
    return rest !== '' && !rest.includes('.') && Number.isInteger(Number(rest)) ? [value] : [];
  });
}

/** The subject of a document key, `[folder/]<programmes|topics>/<id>/<format>`. */
function subjectOf(documentKey: string): { programmes: boolean; id: string } | undefined {
  const parts = documentKey.split('/');
  const [folder, id] = [parts.at(-3), parts.at(-2)];
  if (id === undefined || (folder !== 'programmes' && folder !== 'topics')) return undefined;
  return { programmes: folder === 'programmes', id };
}

/** The records whose fields link them to the document's subject, as a document about it draws on them. */
function linkedKeys(records: readonly FactRecord[], documentKey: string): RecordKey[] {
  const subject = subjectOf(documentKey);
  if (!subject) return [];
  const of = (entity: FactRecord['entity']) => records.filter((r) => r.entity === entity);
  const topic = subject.programmes ? undefined : of('topic').find((t) => t.id === subject.id);
  const programmeIds = topic ? valuesOf(topic, 'programmes') : [subject.id];
  const programmes = of('programme').filter((p) => programmeIds.includes(p.id));
  const bears = (r: FactRecord) => valuesOf(r, 'programmes').some((id) => programmeIds.includes(id)) || (topic !== undefined && valuesOf(r, 'topics').includes(topic.id));
  const events = of('event').filter(bears);
  const quotes = of('quote').filter(bears);
  // A topic's claims are those naming it; a programme's those naming it.
  const claims = of('claim').filter((c) => (topic ? valuesOf(c, 'topics').includes(topic.id) : valuesOf(c, 'programmes').includes(subject.id)));
  const personIds = [...programmes.flatMap((p) => valuesOf(p, 'people')), ...quotes.flatMap((q) => valuesOf(q, 'person'))];
  const people = of('person').filter((p) => personIds.includes(p.id));
  const organisationIds = [...programmes.flatMap((p) => [...valuesOf(p, 'sponsor.organisation'), ...valuesOf(p, 'organisations')]), ...people.flatMap((p) => valuesOf(p, 'organisation'))];
  const sourceIds = [...claims, ...quotes].flatMap((r) => valuesOf(r, 'source'));
  const linked = [
    ...(topic ? [topic] : programmes),
    ...claims,
    ...of('amount').filter((a) => programmeIds.some((id) => a.id.startsWith(`${id}/`))),
    ...events,
    ...quotes,
    ...people,
    ...of('organisation').filter((o) => organisationIds.includes(o.id)),
    ...of('source').filter((s) => sourceIds.includes(s.id)),
  ];
  return linked.map(recordKey);
}
