// What a careful reader would catch that the schema cannot (issue 13): money without a currency,
// claims without a source, rates that convert nothing, and, as warnings, dates after the as-of
// date, statuses their end dates contradict, programmes and topics nothing supports and claims
// nothing cites. Pure: records in, problems and warnings out.
import type { Problem } from '../errors.js';
import type { CollectionName } from './names.js';
import { claimsCitedBy } from './claims-cited.js';
import { excerptTooLong } from './excerpt-length.js';
import type { DataRecord, RecordIndex } from './data-record.js';
import { toIsoDate } from './date-value.js';
import type { Claim, Incentive, Meta, Organisation, Person, Programme, Source, TimelineEvent, Topic } from './schema.js';
import { formatPath, locate, type DataPath } from './yaml-document.js';

export type { DataRecord, RecordIndex } from './data-record.js';

/** Statuses that say a programme has not ended. */
const RUNNING = new Set(['planned', 'announced', 'active']);

export function checkContent(records: RecordIndex, meta: Meta | undefined): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const note = (list: Problem[], record: DataRecord, rest: DataPath, message: string) => {
    const path = [...record.path, ...rest];
    list.push({ file: record.yaml.file, ...locate(record.yaml, path), path: formatPath(path), message });
  };
  const problem = (record: DataRecord, rest: DataPath, message: string) => note(problems, record, rest, message);
  const warning = (record: DataRecord, rest: DataPath, message: string) => note(warnings, record, rest, message);
  const all = <T>(collection: CollectionName) => [...records.get(collection)!.values()] as Array<DataRecord & { value: T }>;
  const comparison = meta?.comparisonCurrency ?? 'USD';

  for (const record of all<Programme>('programmes')) {
    const p = record.value;
    checkNames(p.name, ['name'], record, problem);
    for (const [i, incentive] of (p.incentives ?? []).entries()) checkIncentive(incentive, ['incentives', i], record, comparison, problem);
    if (p.dates?.ended && RUNNING.has(p.status)) {
      warning(record, ['status'], `status is "${p.status}" but dates.ended gives ${String(p.dates.ended.date)}; make the status "ended" or remove the end date`);
    }
  }
  for (const record of [...all<Person>('people'), ...all<Organisation>('organisations')]) checkNames(record.value, [], record, problem);
  for (const record of all<Source>('sources')) {
    for (const [i, rate] of (record.value.rates ?? []).entries()) {
      if (rate.currency === (rate.to ?? comparison)) problem(record, ['rates', i], `converts ${rate.currency} into itself; a rate converts one currency into another`);
    }
  }
  for (const record of all<Claim>('claims')) {
    const tooLong = record.value.excerpt === undefined ? null : excerptTooLong(record.value.excerpt);
    if (tooLong) problem(record, ['excerpt'], `excerpt ${tooLong}`);
    if (record.value.source === undefined && record.value.attribution.kind !== 'outside-fact') {
      problem(record, [], `claim "${record.id}" names no source; only an outside fact may have none`);
    }
  }

  const asOf = meta?.asOf;
  if (asOf !== undefined) {
    for (const record of all<TimelineEvent>('timeline')) {
      if (toIsoDate(record.value.date) > toIsoDate(asOf)) {
        warning(record, ['date'], `dated ${String(record.value.date)}, after the data's as-of date ${String(asOf)}`);
      }
    }
  }

  const cited = claimsCitedBy(records);
  const supported = { programmes: new Set<string>(), topics: new Set<string>() };
  for (const record of all<Claim>('claims')) {
    const claim = record.value;
    for (const id of claim.programmes ?? []) supported.programmes.add(id);
    for (const id of claim.topics ?? []) supported.topics.add(id);
    // A labelled figure of a claim shows as a key figure of the programmes and topics it names.
    const shown = claim.figures?.some((f) => f.label) && (claim.programmes?.length || claim.topics?.length);
    if (!cited.claims.has(record.id) && !shown) {
      warning(record, [], `claim "${record.id}" is cited by nothing: no programme, topic, section, figure, incentive, date, sponsor, person or timeline event names it, so no document shows it`);
    }
  }
  for (const record of all<Programme>('programmes')) {
    if (!supported.programmes.has(record.id) && !cited.byProgramme.has(record.id)) {
      warning(record, [], `programme "${record.id}" is supported by no claim: no claim lists it and it cites none`);
    }
  }
  for (const record of all<Topic>('topics')) {
    if (!supported.topics.has(record.id) && !cited.byTopic.has(record.id)) {
      warning(record, [], `topic "${record.id}" is supported by no claim: no claim lists it and no section cites one`);
    }
  }
  warnUnconvertible(all<Programme>('programmes'), all<Source>('sources'), meta, warning);
  warnings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  return { problems, warnings };
}

type Report = (record: DataRecord, rest: DataPath, message: string) => void;

/**
 * A comparison currency that no rate anywhere converts to, while amounts are in others (issue 23):
 * nothing can be compared, which the reader learns only from a chart-less brief. Said once, at the
 * first amount it leaves unconverted.
 */
function warnUnconvertible(programmes: Array<DataRecord & { value: Programme }>, sources: Array<DataRecord & { value: Source }>, meta: Meta | undefined, warning: Report): void {
  const to = meta?.comparisonCurrency;
  if (!to) return;
  const rates = [
    ...sources.flatMap((s) => s.value.rates ?? []).map((r) => r.to ?? to),
    ...programmes.flatMap((p) => p.value.incentives ?? []).flatMap((i) => (i.rate ? [i.rate.to ?? to] : [])),
  ];
  if (rates.includes(to)) return;
  for (const record of programmes) {
    const i = (record.value.incentives ?? []).findIndex((incentive) => incentive.currency !== undefined && incentive.currency !== to && !incentive.reported);
    if (i < 0) continue;
    const currency = record.value.incentives![i]!.currency!;
    warning(record, ['incentives', i, 'currency'], `is ${currency}, and no rate anywhere converts to the comparison currency ${to} (meta.comparisonCurrency): give a rate in a source's rates, or change comparisonCurrency`);
    return;
  }
}

function checkIncentive(incentive: Incentive, at: DataPath, record: DataRecord, comparison: string, problem: Report): void {
  const { amount, min, max, currency, reported, rate } = incentive;
  if (amount !== undefined && (min !== undefined || max !== undefined)) {
    problem(record, [...at, 'amount'], 'gives both an exact amount and a range (min, max); give one');
  }
  if (min !== undefined && max !== undefined && min > max) problem(record, [...at, 'min'], `min (${min}) is larger than max (${max})`);
  if (currency === undefined && (amount !== undefined || min !== undefined || max !== undefined)) {
    problem(record, at, 'names no currency for its amount; give currency (ISO 4217, e.g. EUR, GBP, KRW)');
  } else if (currency === undefined && rate) {
    problem(record, [...at, 'rate'], 'gives a rate but names no currency to convert from; give currency');
  }
  if (reported && reported.amount !== undefined && (reported.min !== undefined || reported.max !== undefined)) {
    problem(record, [...at, 'reported', 'amount'], 'gives both an exact amount and a range (min, max); give one');
  }
  if (reported?.min !== undefined && reported.max !== undefined && reported.min > reported.max) {
    problem(record, [...at, 'reported', 'min'], `min (${reported.min}) is larger than max (${reported.max})`);
  }
  if (rate && currency !== undefined && currency === (rate.to ?? comparison)) {
    problem(record, [...at, 'rate'], `converts ${currency} into itself; a rate converts the amount's currency into another (to:, default ${comparison})`);
  }
}

function checkNames(names: { zh?: string; pinyin?: string; native?: unknown; en?: string; name?: string }, at: DataPath, record: DataRecord, problem: Report): void {
  const english = at.length > 0 ? 'en' : 'name';
  // A name may be native-first (issue 23): the English one may go, but not both.
  if (names[english] === undefined && names.native === undefined && names.zh === undefined) {
    problem(record, at, `gives no name: give ${english === 'en' ? 'name.en' : 'name'}, or native { text, lang } for a name in its own language`);
  } else if (names.native !== undefined && (names.zh !== undefined || names.pinyin !== undefined)) {
    problem(record, [...at, names.zh !== undefined ? 'zh' : 'pinyin'], 'gives both the zh/pinyin shorthand and native; keep native, which holds both');
  } else if (names.pinyin !== undefined && names.zh === undefined) {
    problem(record, [...at, 'pinyin'], 'gives pinyin without zh; give zh too, or native { text, lang, romanized }');
  }
}
