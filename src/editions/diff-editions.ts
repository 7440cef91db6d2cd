// Two editions compared by stable id (issue 22), as Terraform's plan and git's diff list them:
// each record added or removed whole, each field of a record in both that changed with its old
// and new value. Sorted by entity (ENTITY_KINDS order), id, then field.
import type { Change, Edition, FactRecord, RecordKey } from '../contracts/editions.js';
import { compareFieldPaths, compareRecords, recordKey } from '../documents/fact-records.js';

/** Every change from `old` to `next`, by stable id. */
export function diffEditions(old: Pick<Edition, 'records'>, next: Pick<Edition, 'records'>): Change[] {
  return diffRecords(old.records, next.records);
}

/** Every change from the `old` records to the `next`. */
export function diffRecords(old: readonly FactRecord[], next: readonly FactRecord[]): Change[] {
  const before = new Map<RecordKey, FactRecord>(old.map((r) => [recordKey(r), r]));
  const after = new Map<RecordKey, FactRecord>(next.map((r) => [recordKey(r), r]));
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const records = keys.map((key) => (after.get(key) ?? before.get(key))!).sort(compareRecords);
  return records.flatMap((record) => {
    const key = recordKey(record);
    const [was, is] = [before.get(key), after.get(key)];
    if (!was) return [{ type: 'added', entity: record.entity, id: record.id, label: record.label }];
    if (!is) return [{ type: 'removed', entity: record.entity, id: record.id, label: record.label }];
    return fieldChanges(was, is);
  });
}

function fieldChanges(was: FactRecord, is: FactRecord): Change[] {
  const fields = [...new Set([...Object.keys(was.fields), ...Object.keys(is.fields)])].sort(compareFieldPaths);
  return fields.flatMap((field) => {
    const [old, next] = [was.fields[field], is.fields[field]];
    if (old === next) return [];
    return [
      {
        type: 'changed',
        entity: is.entity,
        id: is.id,
        label: is.label,
        field,
        ...(old === undefined ? {} : { old }),
        ...(next === undefined ? {} : { new: next }),
      },
    ];
  });
}

/** How many of each type of change. */
export function countChanges(changes: readonly Change[]): { added: number; removed: number; changed: number } {
  const count = (type: Change['type']) => changes.filter((c) => c.type === type).length;
  return { added: count('added'), removed: count('removed'), changed: count('changed') };
}
