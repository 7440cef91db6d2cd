// Money in any currency (issue 13, item 4), in one form everywhere: Intl.NumberFormat for the
// dataset's language, compact where it loses nothing or where space is short (£2.5bn, €40m,
// US$2.1m), ranges as Intl writes them, and the source's hedge worded by the labels.
import type { AmountView, Qualifier, RateView } from '../../documents/view-types.js';
import type { Wording } from './wording.js';
import { formatDate } from './dates.js';

/** `text`: tables and running text; `compact`: where space is short (chart labels and axes). */
export type MoneyStyle = 'text' | 'compact';

// One formatter per language, currency and form: building one costs far more than using it.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: string, currency: string, form: 'compact' | 'whole' | 'fraction' | 'rate'): Intl.NumberFormat {
  const key = `${lang}\0${currency}\0${form}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.NumberFormatOptions =
      form === 'compact'
        ? { notation: 'compact', maximumSignificantDigits: 3 }
        : form === 'whole'
          ? { minimumFractionDigits: 0, maximumFractionDigits: 0 }
          : form === 'rate'
            ? { minimumFractionDigits: 0, maximumSignificantDigits: 4 }
            : {};
    found = new Intl.NumberFormat(lang, { style: 'currency', currency, ...options });
    formatters.set(key, found);
  }
  return found;
}

/** True where three significant figures hold the number exactly: compact notation then loses nothing. */
function isRound(n: number): boolean {
  if (n === 0) return true;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(n))) - 2);
  return Math.abs(Math.round(n / magnitude) * magnitude - n) < 1e-9 * Math.abs(n);
}

/** The form an amount (or both ends of a range) is written in. */
function formFor(values: number[], style: MoneyStyle): 'compact' | 'whole' | 'fraction' {
  // Compact from the millions in text, where it is shorter and exact; from the thousands in charts.
  if (style === 'compact' ? values.every((v) => Math.abs(v) >= 1000) : values.every((v) => Math.abs(v) >= 1e6 && isRound(v))) return 'compact';
  return values.every(Number.isInteger) ? 'whole' : 'fraction';
}

// Each amount is written once per process: a build's documents print the same few again and again,
// and Intl's formatRange costs about as much as the rest of a document's helpers together.
const written = new Map<string, string>();
const WRITTEN_LIMIT = 10_000;

/** A number, or a range of two, in `currency` as `lang` writes it: "£2.5bn", "CN¥3–5m", "£3,245". */
export function formatCurrency(values: [number] | [number, number], currency: string, lang: string, style: MoneyStyle = 'text'): string {
  const key = `${lang}\0${currency}\0${style}\0${values.join('\0')}`;
  let text = written.get(key);
  if (text === undefined) {
    const f = formatter(lang, currency, formFor(values, style));
    const [low, high] = values;
    // Intl writes a range whose ends are equal as "~£3m": one amount is one number. A range is its
    // two ends in full joined by an en dash, in one style everywhere (issue 18): Intl's formatRange
    // writes "€34,000 – €100,000" for some ranges and "US$420,000–700,000" for others.
    text = high === undefined || high === low ? f.format(low) : joinRange(f, low, high);
    if (written.size >= WRITTEN_LIMIT) written.clear();
    written.set(key, text);
  }
  return text;
}

/** "€34,000–€100,000": both ends as `f` writes them, an en dash between, in one style for every range of a document. */
function joinRange(f: Intl.NumberFormat, low: number, high: number): string {
  return `${f.format(low)}\u2013${f.format(high)}`;
}

const QUALIFIER_KEYS: Record<Qualifier, string> = {
  exactly: 'qualifier.exactly',
  about: 'qualifier.about',
  'up to': 'qualifier.up-to',
  'at least': 'qualifier.at-least',
  'more than': 'qualifier.more-than',
  'fewer than': 'qualifier.fewer-than',
};

/** A number as the source hedged it: "about £3m", "fewer than 35,000"; `amount` is already formatted. */
export function hedge(amount: string, qualifier: Qualifier | null, wording: Wording): string {
  return wording.labels.text(QUALIFIER_KEYS[qualifier ?? 'exactly'], { amount }, wording.lang);
}

/**
 * An amount as the data gives it: one number for an exact amount, a range as Intl writes it, one
 * end of a range as "up to" or "at least" where only that end is known, hedged as the source hedged it.
 */
export function formatMoney(amount: AmountView, wording: Wording, style: MoneyStyle = 'text'): string {
  const { currency, qualifier } = amount;
  const { lang } = wording;
  if (amount.amount !== null) return hedge(formatCurrency([amount.amount], currency, lang, style), qualifier, wording);
  if (amount.min !== null && amount.max !== null) return hedge(formatCurrency([amount.min, amount.max], currency, lang, style), qualifier, wording);
  // One end of a range: the end says which way it bounds ("up to about US$2.1m" where it is an
  // estimate), unless the source bounded it otherwise ("fewer than £35,000").
  const end = amount.max ?? amount.min;
  if (end !== null) {
    const bound = amount.max !== null ? 'up to' : 'at least';
    const number = formatCurrency([end], currency, lang, style);
    if (qualifier === null || qualifier === 'exactly') return hedge(number, bound, wording);
    if (qualifier === 'about') return hedge(hedge(number, 'about', wording), bound, wording);
    return hedge(number, qualifier, wording);
  }
  return wording.labels.text('value.amount-not-reported', {}, lang);
}

/** A rate as its note gives it: "CN¥1 = US$0.14 (the source's own conversion)", with its date where given. */
export function formatRate(rate: RateView, wording: Wording): string {
  const { lang } = wording;
  // A small unit is counted in a power of ten that makes the rate readable (issue 18): "₩1,000 = €0.68", not "₩1 = €0.00068".
  const scale = rate.rate > 0 && rate.rate < 0.1 ? 10 ** Math.ceil(Math.log10(0.1 / rate.rate)) : 1;
  const values = {
    unit: formatter(lang, rate.from, 'whole').format(scale),
    rate: formatter(lang, rate.to, 'rate').format(rate.rate * scale),
    basis: rate.basis,
    ...(rate.date === null ? {} : { date: formatDate(rate.date, 'long', lang) }),
  };
  return wording.labels.text(rate.date === null ? 'incentive.rate' : 'incentive.rate-dated', values, lang);
}
