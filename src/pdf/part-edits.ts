// The edits a document's objects get as they are copied into the pack (issue 14, issue 17), each
// made on values: every reference renumbered (as the object is written, or on a copy where the
// value is kept), /StructParent(s) keys moved up by the keys of the parts before, structure IDs
// renamed apart, a link's named destination made explicit.
import { copyDict, get, isArray, isDict, nameAt, PdfRef, type PdfDict, type PdfValue } from './pdf-objects.js';
import { renameIds, type IdNames } from './structure-ids.js';

/** How a part's objects are edited. */
export interface PartEdit {
  /** The number an object of the part takes in the pack. */
  to: (num: number) => number;
  /** Added to every parent-tree key the part uses. */
  keyBase: number;
  ids: IdNames;
  explicit: (dest: PdfValue | null) => PdfValue | undefined;
}

/**
 * The object with the pack's edits of its entries made, its references not yet renumbered (the
 * writer renumbers them as it writes); the same value where no entry changes.
 */
export function editPartObject(value: PdfValue, edit: PartEdit): PdfValue {
  if (!isDict(value)) return value;
  let edited = shiftStructParents(value, edit.keyBase) ?? value;
  edited = renameIds(edited, edit.ids) ?? edited;
  return withExplicitDest(edited, edit.explicit) ?? edited;
}

/** Whether renumbering moves any reference the value holds. */
export function refsMove(value: PdfValue, to: (num: number) => number): boolean {
  if (value instanceof PdfRef) return to(value.num) !== value.num || value.gen !== 0;
  if (Array.isArray(value)) return value.some((item) => typeof item === 'object' && item !== null && refsMove(item, to));
  if (value instanceof Map) {
    for (const item of value.values()) if (typeof item === 'object' && item !== null && refsMove(item, to)) return true;
  }
  return false;
}

/** The value with every reference renumbered; the same value where none changes. */
export function renumber(value: PdfValue, to: (num: number) => number): PdfValue {
  if (value instanceof PdfRef) {
    const num = to(value.num);
    return num === value.num && value.gen === 0 ? value : new PdfRef(num);
  }
  if (Array.isArray(value)) {
    let out: PdfValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i]!;
      const mapped = typeof item === 'object' && item !== null ? renumber(item, to) : item;
      if (mapped !== item) (out ??= [...value])[i] = mapped;
    }
    return out ?? value;
  }
  if (value instanceof Map) {
    let out: PdfDict | undefined;
    for (const [key, item] of value) {
      const mapped = typeof item === 'object' && item !== null ? renumber(item, to) : item;
      if (mapped !== item) (out ??= copyDict(value)).set(key, mapped);
    }
    return out ?? value;
  }
  return value;
}

/** Parent-tree keys (14.7.4.4) of a page, annotation or XObject, moved up by `base`. */
function shiftStructParents(dict: PdfDict, base: number): PdfDict | undefined {
  if (base === 0) return undefined;
  let out: PdfDict | undefined;
  for (const key of ['StructParent', 'StructParents']) {
    const n = dict.get(key);
    if (typeof n === 'number') (out ??= copyDict(dict)).set(key, n + base);
  }
  return out;
}

/** A link annotation's named destination (or GoTo action's) replaced by the explicit one. */
function withExplicitDest(dict: PdfDict, explicit: PartEdit['explicit']): PdfDict | undefined {
  if (nameAt(dict, 'Type') !== 'Annot') return undefined;
  const dest = dict.get('Dest');
  if (dest !== undefined && !isArray(dest)) {
    const target = explicit(dest);
    if (target === undefined) return undefined;
    const copy = copyDict(dict);
    copy.set('Dest', target);
    return copy;
  }
  const action = get(dict, 'A', isDict);
  const d = action?.get('D');
  if (!action || nameAt(action, 'S') !== 'GoTo' || d === undefined || isArray(d)) return undefined;
  const target = explicit(d);
  if (target === undefined) return undefined;
  const goTo = copyDict(action);
  goTo.set('D', target);
  const copy = copyDict(dict);
  copy.set('A', goTo);
  return copy;
}
