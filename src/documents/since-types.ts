// What a document built with --since shows of its changes (issue 22), as the templates get it.
import type { AmountView } from './money-types.js';

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
  /** For an amount whose value changed: the amount before and after, as the brief prints amounts; else null. */
  oldAmount: AmountView | null;
  newAmount: AmountView | null;
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
