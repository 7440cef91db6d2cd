// A change as one line a reader scans (issue 22): `changed amount qiming/signing-bonus min: 3000000
// -> 3500000`, `added claim x: "…"`, `removed event y (2019: …)`; and the count of them.
import type { Change } from '../contracts/editions.js';
import { startOf } from '../documents/fact-records.js';
import { countChanges } from './diff-editions.js';

/** A value longer than this is cut in a line; the JSON gives it whole. */
const VALUE_LENGTH = 120;

/** A field's value as a line shows it: a number bare, text quoted, a field that was not there `(none)`. */
export function showValue(value: string | undefined): string {
  if (value === undefined) return '(none)';
  if (value.trim() !== '' && Number.isFinite(Number(value))) return value;
  return JSON.stringify(startOf(value, VALUE_LENGTH));
}

/** One change on one line. */
export function describeChange(change: Change): string {
  const what = `${change.entity} ${change.id}`;
  if (change.type === 'added') return `added ${what}: ${JSON.stringify(change.label)}`;
  if (change.type === 'removed') return `removed ${what} (${change.label})`;
  return `changed ${what} ${change.field ?? ''}: ${showValue(change.old)} -> ${showValue(change.new)}`;
}

/** `N changes: a added, r removed, c changed`. */
export function summariseChanges(changes: readonly Change[]): string {
  const { added, removed, changed } = countChanges(changes);
  return `${changes.length} change${changes.length === 1 ? '' : 's'}: ${added} added, ${removed} removed, ${changed} changed`;
}
