// Edits to a YAML file's text at the places its parsed nodes came from, so that everything the
// migration does not touch (comments, blank lines, quoting, line breaks, flow or block style)
// stays byte for byte as it was.
import { isScalar, type Pair, type YAMLMap } from 'yaml';

/** Replace text[start, end) with `text`; an insertion has start = end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The text with the edits made, or undefined where two edits overlap (a bug to report, not data). */
export function applyEdits(source: string, edits: TextEdit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) return undefined;
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + source.slice(cursor);
}

/** Where the line holding `offset` starts. */
export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line after the one holding `offset` starts (the text's end if there is none). */
function nextLineStart(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline < 0 ? source.length : newline + 1;
}

type AnyPair = Pair<unknown, unknown>;

const rangeOf = (node: unknown): [number, number, number] | undefined =>
  (node as { range?: [number, number, number] | null } | null)?.range ?? undefined;

/** Where a pair's key starts. */
export function keyStart(pair: AnyPair): number {
  return rangeOf(pair.key)?.[0] ?? 0;
}

/** Where a pair's value ends (its content, without a comment after it). */
function valueEnd(pair: AnyPair): number {
  return rangeOf(pair.value)?.[1] ?? rangeOf(pair.key)?.[1] ?? 0;
}

/** Where a pair's value starts. */
export function valueStart(pair: AnyPair): number {
  return rangeOf(pair.value)?.[0] ?? valueEnd(pair);
}

/** The column a pair's key stands at. */
export function keyColumn(source: string, pair: AnyPair): number {
  const start = keyStart(pair);
  return start - lineStart(source, start);
}

/** Where the text after a block pair starts: past its value, a comment after it and its newline. */
function afterBlockPair(source: string, pair: AnyPair): number {
  const end = valueEnd(pair);
  return source[end - 1] === '\n' ? end : nextLineStart(source, end);
}

/** Rename a pair's key, keeping its place. */
export function renameKey(pair: AnyPair, name: string): TextEdit {
  const range = rangeOf(pair.key)!;
  return { start: range[0], end: range[1], text: name };
}

/** Replace a scalar value's text. */
export function replaceValue(pair: AnyPair, text: string): TextEdit {
  const range = rangeOf(pair.value)!;
  return { start: range[0], end: range[1], text };
}

/** A new `key: value` right after `pair`, in the map's own style. */
export function insertAfter(source: string, map: YAMLMap, pair: AnyPair, entry: string): TextEdit {
  if (map.flow) {
    const at = valueEnd(pair);
    return { start: at, end: at, text: `, ${entry}` };
  }
  const at = afterBlockPair(source, pair);
  const newline = at === source.length && !source.endsWith('\n') ? '\n' : '';
  return { start: at, end: at, text: `${newline}${' '.repeat(keyColumn(source, pair))}${entry}\n` };
}

/** A new `key: value` before the map's first pair, in the map's own style. */
export function insertFirst(source: string, map: YAMLMap, entry: string): TextEdit {
  const first = map.items[0] as AnyPair;
  const at = keyStart(first);
  const text = map.flow ? `${entry}, ` : `${entry}\n${' '.repeat(keyColumn(source, first))}`;
  return { start: at, end: at, text };
}

/** Remove a pair from its map: its line in a block map, its `, key: value` in a flow map. */
export function removePair(source: string, map: YAMLMap, pair: AnyPair): TextEdit {
  const index = map.items.indexOf(pair as never);
  const next = map.items[index + 1] as AnyPair | undefined;
  // The first pair of a map shares its line with the `- ` or `{` before it: the next pair takes its place.
  if (index === 0 && next) return { start: keyStart(pair), end: keyStart(next), text: '' };
  if (map.flow) {
    const previous = map.items[index - 1] as AnyPair;
    return { start: valueEnd(previous), end: valueEnd(pair), text: '' };
  }
  return { start: lineStart(source, keyStart(pair)), end: afterBlockPair(source, pair), text: '' };
}

/** The pair of a map whose key is `name`. */
export function pairOf(map: YAMLMap, name: string): AnyPair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === name) as AnyPair | undefined;
}

