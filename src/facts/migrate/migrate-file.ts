// What `brief migrate` changes in one data file written for the first data model: the edits to
// its text and a line for each change, or the reasons it cannot be converted.
import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Pair, type YAMLMap } from 'yaml';
import type { Problem } from '../../errors.js';
import { formatPath, type DataPath } from '../yaml-document.js';
import {
  insertAfter,
  insertFirst,
  keyColumn,
  keyStart,
  pairOf,
  removePair,
  renameKey,
  replaceValue,
  valueStart,
  type TextEdit,
} from './text-edits.js';

/** The labels the old scale object's keys stood for; a figure's own label wins. */
export const OLD_SCALE_LABELS = { targets: 'Recruitment target', applicants: 'Applicants', recruited: 'Recruited' } as const;

/** The currency an incentive without one was read in. */
export const OLD_DEFAULT_CURRENCY = 'CNY';

/** One change, said as `brief migrate` prints it. */
export type Change = Problem;

export interface FileMigration {
  edits: TextEdit[];
  changes: Change[];
  refusals: Problem[];
}

type AnyPair = Pair<unknown, unknown>;

/** One file's migration under way: its text, and where its edits, changes and refusals go. */
interface Migration {
  source: string;
  edit(e: TextEdit): void;
  change(offset: number, path: DataPath, message: string): void;
  refuse(offset: number, path: DataPath, message: string): void;
}

/** The edits that bring one parsed file to the current data model. */
export function migrateFile(file: string, source: string, root: unknown, lines: LineCounter): FileMigration {
  const result: FileMigration = { edits: [], changes: [], refusals: [] };
  const at = (offset: number) => lines.linePos(offset);
  const note = (list: Problem[], offset: number, path: DataPath, message: string) =>
    list.push({ file, ...at(offset), path: formatPath(path), message });
  const ctx: Migration = {
    source,
    edit: (e) => void result.edits.push(e),
    change: (offset, path, message) => note(result.changes, offset, path, message),
    refuse: (offset, path, message) => note(result.refusals, offset, path, `cannot migrate: ${message}`),
  };
  if (!isMap(root)) return result;
  for (const { map, path } of mapsIn(ctx, root, 'programmes', [])) {
    for (const incentive of mapsIn(ctx, map, 'incentives', path)) migrateIncentive(ctx, incentive.map, incentive.path);
    migrateScale(ctx, map, path);
  }
  for (const claim of mapsIn(ctx, root, 'claims', [])) {
    for (const figure of mapsIn(ctx, claim.map, 'figures', claim.path)) migrateFigure(ctx, figure.map, figure.path);
  }
  if (result.refusals.length > 0) return { edits: [], changes: [], refusals: result.refusals };
  result.changes.sort((a, b) => a.line - b.line || a.col - b.col);
  return result;
}

/** Each map item of the list at `key` in `map`; aliases are refused, anything else is left to the schema. */
function* mapsIn(ctx: Migration, map: YAMLMap, key: string, path: DataPath): Generator<{ map: YAMLMap; path: DataPath }> {
  const list = pairOf(map, key)?.value;
  if (isAlias(list)) return ctx.refuse(rangeStart(list), [...path, key], 'it is a YAML alias (*name); write it out and run again');
  if (!isSeq(list)) return;
  for (const [i, item] of list.items.entries()) {
    if (isAlias(item)) ctx.refuse(rangeStart(item), [...path, key, i], 'it is a YAML alias (*name); write it out and run again');
    else if (isMap(item)) yield { map: item, path: [...path, key, i] };
  }
}

function migrateFigure(ctx: Migration, map: YAMLMap, path: DataPath) {
  const qualifier = pairOf(map, 'qualifier');
  if (!isScalar(qualifier?.value) || qualifier.value.value !== 'thousands') return;
  const value = pairOf(map, 'value');
  if (!value || !isScalar(value.value) || typeof value.value.value !== 'number') {
    return ctx.refuse(keyStart(qualifier), [...path, 'qualifier'], 'qualifier "thousands" on a value that is not a number; write value: thousands and remove the qualifier');
  }
  ctx.edit(replaceValue(value, 'thousands'));
  ctx.edit(removePair(ctx.source, map, qualifier));
  ctx.change(keyStart(qualifier), [...path, 'qualifier'], `qualifier "thousands" becomes value "thousands" (was value ${value.value.value})`);
}

/** min = max becomes amount: the earlier key is renamed, the later removed. */
function collapseRange(ctx: Migration, map: YAMLMap, path: DataPath): AnyPair | undefined {
  const min = pairOf(map, 'min');
  const max = pairOf(map, 'max');
  if (!min || !max || !isScalar(min.value) || !isScalar(max.value)) return undefined;
  if (typeof min.value.value !== 'number' || min.value.value !== max.value.value) return undefined;
  if (pairOf(map, 'amount')) return undefined; // Both forms at once: the schema check says so.
  const [first, second] = map.items.indexOf(min as never) < map.items.indexOf(max as never) ? [min, max] : [max, min];
  ctx.edit(renameKey(first, 'amount'));
  ctx.edit(removePair(ctx.source, map, second));
  ctx.change(keyStart(first), [...path, 'min'], `min and max are both ${min.value.value}: written as amount: ${min.value.value}`);
  return first;
}

function migrateIncentive(ctx: Migration, map: YAMLMap, path: DataPath) {
  const collapsed = collapseRange(ctx, map, path);
  const amountPairs = ['amount', 'min', 'max'].map((k) => pairOf(map, k)).filter((p): p is AnyPair => Boolean(p));
  const rate = pairOf(map, 'rate');
  if (!pairOf(map, 'currency') && (amountPairs.length > 0 || rate)) {
    const last = collapsed ?? amountPairs.sort((a, b) => keyStart(a) - keyStart(b)).at(-1) ?? pairOf(map, 'label') ?? pairOf(map, 'kind');
    ctx.edit(last ? insertAfter(ctx.source, map, last, `currency: ${OLD_DEFAULT_CURRENCY}`) : insertFirst(ctx.source, map, `currency: ${OLD_DEFAULT_CURRENCY}`));
    ctx.change(rangeStart(map), path, `currency: ${OLD_DEFAULT_CURRENCY} written out (the old default)`);
  }
  const reported = pairOf(map, 'usdAsReported');
  if (reported) {
    if (pairOf(map, 'reported')) return ctx.refuse(keyStart(reported), [...path, 'usdAsReported'], 'the incentive has both usdAsReported and reported; keep one');
    if (!isMap(reported.value)) return ctx.refuse(keyStart(reported), [...path, 'usdAsReported'], 'usdAsReported is not a mapping of min, max and qualifier');
    ctx.edit(renameKey(reported, 'reported'));
    const inner = reported.value;
    if (inner.items.length === 0) ctx.edit({ start: valueStart(reported), end: rangeEnd(inner), text: '{ currency: USD }' });
    else ctx.edit(insertFirst(ctx.source, inner, 'currency: USD'));
    ctx.change(keyStart(reported), [...path, 'usdAsReported'], 'becomes reported, with currency: USD');
    collapseRange(ctx, inner, [...path, 'reported']);
  }
  if (rate) {
    if (!isMap(rate.value)) return;
    const perUnit = pairOf(rate.value, 'usdPerUnit');
    if (!perUnit) return;
    if (pairOf(rate.value, 'rate') || pairOf(rate.value, 'to')) {
      return ctx.refuse(keyStart(perUnit), [...path, 'rate', 'usdPerUnit'], 'the rate has both usdPerUnit and rate or to; keep one');
    }
    ctx.edit(renameKey(perUnit, 'rate'));
    ctx.edit(insertAfter(ctx.source, rate.value, perUnit, 'to: USD'));
    ctx.change(keyStart(perUnit), [...path, 'rate', 'usdPerUnit'], 'becomes rate, with to: USD');
  }
}

/** The old { targets, applicants, recruited } object becomes a list of labelled figures. */
function migrateScale(ctx: Migration, programme: YAMLMap, path: DataPath) {
  const scale = pairOf(programme, 'scale');
  const scalePath = [...path, 'scale'];
  if (!scale || isSeq(scale.value) || scale.value === null) return;
  if (isAlias(scale.value)) return ctx.refuse(rangeStart(scale.value), scalePath, 'it is a YAML alias (*name); write it out and run again');
  if (!isMap(scale.value)) return;
  const map = scale.value;
  const figures: Array<{ pair: AnyPair; name: keyof typeof OLD_SCALE_LABELS; figure: YAMLMap }> = [];
  for (const pair of map.items as AnyPair[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (!(name in OLD_SCALE_LABELS)) {
      return ctx.refuse(keyStart(pair), [...scalePath, name], `scale has "${name}", not one of targets, applicants, recruited; write the scale as a list of labelled figures by hand`);
    }
    if (isAlias(pair.value)) return ctx.refuse(rangeStart(pair.value), [...scalePath, name], 'it is a YAML alias (*name); write it out and run again');
    if (!isMap(pair.value) || pair.value.items.length === 0) {
      return ctx.refuse(keyStart(pair), [...scalePath, name], 'expected a figure (a mapping with a value)');
    }
    figures.push({ pair, name: name as keyof typeof OLD_SCALE_LABELS, figure: pair.value });
  }
  if (map.flow) {
    // { targets: {...}, ... } -> [ {...}, ... ]
    ctx.edit({ start: rangeStart(map), end: rangeStart(map) + 1, text: '[' });
    ctx.edit({ start: rangeEnd(map) - 1, end: rangeEnd(map), text: ']' });
  }
  // In a block list every item's dash stands in one column: two left of the block figures' keys.
  const blockColumns = new Set(figures.filter((f) => !f.figure.flow).map((f) => keyColumn(ctx.source, f.figure.items[0] as AnyPair)));
  if (blockColumns.size > 1) return ctx.refuse(rangeStart(map), scalePath, 'its figures are indented unlike each other; indent them alike and run again');
  const keyCol = figures[0] ? keyColumn(ctx.source, figures[0].pair) : 0;
  const dashColumn = map.flow ? keyCol : blockColumns.size ? [...blockColumns][0]! - 2 : keyCol;
  for (const { pair, name, figure } of figures) {
    const label = pairOf(figure, 'label');
    const start = dashColumn < keyCol && !map.flow ? keyStart(pair) - (keyCol - dashColumn) : keyStart(pair);
    const dash = map.flow ? '' : `${' '.repeat(Math.max(0, dashColumn - keyCol))}- `;
    const lead = commentsBetween(ctx.source, pair).map((comment) => `${comment}\n${' '.repeat(dashColumn)}`).join('');
    if (figure.flow) {
      ctx.edit({ start, end: valueStart(pair), text: `${lead}${dash}` });
      if (!label) ctx.edit(insertFirst(ctx.source, figure, `label: ${OLD_SCALE_LABELS[name]}`));
    } else {
      const first = figure.items[0] as AnyPair;
      const labelLine = label ? '' : `label: ${OLD_SCALE_LABELS[name]}\n${' '.repeat(dashColumn + 2)}`;
      ctx.edit({ start, end: keyStart(first), text: `${lead}${dash}${labelLine}` });
    }
    const message = label
      ? 'becomes an item of the scale list, keeping its own label'
      : `becomes an item of the scale list, labelled "${OLD_SCALE_LABELS[name]}"`;
    ctx.change(keyStart(pair), [...scalePath, name], message);
    migrateFigure(ctx, figure, [...scalePath, name]);
  }
}

const rangeStart = (node: unknown) => (node as { range?: number[] }).range?.[0] ?? 0;
const rangeEnd = (node: unknown) => (node as { range?: number[] }).range?.[1] ?? 0;

/** Comments between `key:` and a block figure's first key, which the dash line would drop: kept. */
function commentsBetween(source: string, pair: AnyPair): string[] {
  const figure = pair.value as YAMLMap;
  if (figure.flow) return [];
  const between = source.slice(keyStart(pair), keyStart(figure.items[0] as AnyPair));
  return between.split('\n').flatMap((segment) => {
    const hash = segment.indexOf('#');
    return hash < 0 ? [] : [segment.slice(hash).trimEnd()];
  });
}
