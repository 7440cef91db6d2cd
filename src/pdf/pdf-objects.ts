// The PDF object model (ISO 32000-1, 7.3): what the parser builds from tokens, what edits change
// and what the serialiser writes. A string keeps its token as written, so copying one never
// re-encodes it; a name keeps its #xx escapes; a dictionary keeps its entries in order.

/** A name, without its slash, as written (with any #xx escapes). */
export class PdfName {
  constructor(readonly name: string) {}
}

/** An indirect reference `N G R`. */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen = 0,
  ) {}
}

/** A string token as written: `(literal)` or `<hex>`. */
export class PdfString {
  constructor(readonly raw: string) {}
}

/**
 * A dictionary written on one line, its entries apart by a space: how the tool has always written
 * an embedded file's /Params, a file specification's /EF, tree nodes and the trailer.
 */
export class PdfInlineDict extends Map<string, PdfValue> {}

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;
/** A dictionary, its entries in the order written; Skia's layout (one entry a line) unless a PdfInlineDict. */
export type PdfDict = Map<string, PdfValue>;

/** An object's new value, and for a stream whose data changed, the new data. */
export interface ObjectEdit {
  value: PdfValue;
  data?: Uint8Array;
}

/** The value under `key`, if it is of the type the guard accepts. */
export function get<T extends PdfValue>(dict: PdfDict | undefined, key: string, guard: (v: PdfValue) => v is T): T | undefined {
  const value = dict?.get(key);
  return value !== undefined && guard(value) ? value : undefined;
}

/** The name under `key`, without its slash, if there is one. */
export function nameAt(dict: PdfDict | undefined, key: string): string | undefined {
  const value = dict?.get(key);
  return value instanceof PdfName ? value.name : undefined;
}

export const isRef = (v: PdfValue): v is PdfRef => v instanceof PdfRef;
export const isName = (v: PdfValue): v is PdfName => v instanceof PdfName;
export const isDict = (v: PdfValue): v is PdfDict => v instanceof Map;
export const isArray = (v: PdfValue): v is PdfValue[] => Array.isArray(v);
export const isNumber = (v: PdfValue): v is number => typeof v === 'number';
export const isString = (v: PdfValue): v is PdfString => v instanceof PdfString;

/** A copy of the dictionary that keeps its layout, to edit without touching the one read. */
export function copyDict(dict: PdfDict): PdfDict {
  const copy: PdfDict = dict instanceof PdfInlineDict ? new PdfInlineDict() : new Map();
  for (const [key, value] of dict) copy.set(key, value);
  return copy;
}

/** A structure element (14.7.2): /Type /StructElem, or no /Type with a structure type and a parent. */
export function isStructElem(dict: PdfDict): boolean {
  const type = dict.get('Type');
  if (type !== undefined) return type instanceof PdfName && type.name === 'StructElem';
  return dict.get('S') instanceof PdfName && dict.get('P') instanceof PdfRef;
}

/** The references a value holds directly or in an array (a page's /Contents, an /AF). */
export function refsOf(value: PdfValue | undefined): PdfRef[] {
  if (value instanceof PdfRef) return [value];
  return Array.isArray(value) ? value.filter(isRef) : [];
}
