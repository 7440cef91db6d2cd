// The facts as flat records (issue 22): each field a path and its value as text, so that an edit
// between two editions shows as one field's old and new value. Keyed by the data's own ids.
import { createHash } from 'node:crypto';
import { ENTITY_KINDS, type EntityKind, type FactRecord, type RecordKey } from '../contracts/editions.js';

/** Where a field path leaves nothing out: a value of any shape, flattened to `a.b.0.c` -> text; null and absent left out. */
export function flattenFields(value: unknown, skip: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (v: unknown, path: string): void => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) return v.forEach((item, i) => visit(item, path ? `${path}.${i}` : String(i)));
    if (typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) if (path || !skip.includes(key)) visit(item, path ? `${path}.${key}` : key);
      return;
    }
    out[path] = String(v);
  };
  visit(value, '');
  return sortedFields(out);
}

/** Fields in path order: `figures.2` before `figures.10`, so that a record reads as its data does. */
export function sortedFields(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => compareFieldPaths(a, b)));
}

/** Two field paths compared segment by segment, numbers as numbers. */
export function compareFieldPaths(a: string, b: string): number {
  const [as, bs] = [a.split('.'), b.split('.')];
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const [x, y] = [as[i]!, bs[i]!];
    if (x === y) continue;
    const [nx, ny] = [Number(x), Number(y)];
    if (x !== '' && y !== '' && Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

const ORDER = new Map<EntityKind, number>(ENTITY_KINDS.map((kind, i) => [kind, i]));

/** The order an edition keeps: entity (ENTITY_KINDS order), then id. */
export function compareRecords(a: Pick<FactRecord, 'entity' | 'id'>, b: Pick<FactRecord, 'entity' | 'id'>): number {
  const byKind = (ORDER.get(a.entity) ?? 0) - (ORDER.get(b.entity) ?? 0);
  return byKind !== 0 ? byKind : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `<entity>:<id>`: a record's key across editions. */
export function recordKey(record: Pick<FactRecord, 'entity' | 'id'>): RecordKey {
  return `${record.entity}:${record.id}`;
}

/** Records sorted, each key once (the first kept). */
export function sortRecords(records: Iterable<FactRecord>): FactRecord[] {
  const byKey = new Map<RecordKey, FactRecord>();
  for (const record of records) if (!byKey.has(recordKey(record))) byKey.set(recordKey(record), record);
  return [...byKey.values()].sort(compareRecords);
}

/** Labels are short: at most this many characters, cut at a word. */
const LABEL_LENGTH = 60;

/** The start of a text, on one line, cut at a word with " …" where it is longer than a label may be. */
export function startOf(text: string, max = LABEL_LENGTH): string {
  const line = text.split(/\s+/).filter(Boolean).join(' ');
  if (line.length <= max) return line;
  const cut = line.lastIndexOf(' ', max);
  return `${line.slice(0, cut > 0 ? cut : max)} …`;
}

/** A record of `entity`, its fields flattened from `value` less the keys that are not content. */
export function factRecord(entity: EntityKind, id: string, label: string, value: unknown, skip: readonly string[] = ['id', 'origin']): FactRecord {
  return { entity, id, label, fields: flattenFields(value, skip) };
}

/** JSON with every object's keys sorted: the same record gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A record's content hash (issue 22): sha256 of its canonical JSON, the first 16 hex digits. */
export function recordHash(record: FactRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex').slice(0, 16);
}
