// Money as the issue shows it: "3 million-5 million yuan (about $420,000-$700,000)".
import type { Incentive, IncentiveRate } from '../../facts/schema.js';
import { formatAmount, formatInteger, roundEstimate } from './numbers.js';

/** What a currency code is called after an amount; US dollars are written with "$" before it. */
const CURRENCY_WORDS: Record<string, string> = { CNY: 'yuan', RMB: 'yuan', EUR: 'euros', GBP: 'pounds', JPY: 'yen' };

/** An amount range in its own currency and in US dollars, with where the dollars came from. */
export interface MoneyParts {
  min?: number;
  max?: number;
  currency: string;
  usdMin?: number;
  usdMax?: number;
  /** `reported`: the source gave the dollars; `converted`: computed at `rate`. */
  usdFrom: 'reported' | 'converted' | 'none';
  usdQualifier: 'about' | 'exactly';
  rate?: IncentiveRate;
}

type MoneyInput = Pick<Incentive, 'amount' | 'min' | 'max' | 'currency' | 'reported' | 'rate'>;

export function moneyParts(input: MoneyInput): MoneyParts {
  // `check` refuses an amount without a currency; XXX is ISO 4217's "no currency".
  const currency = input.currency ?? 'XXX';
  const parts: MoneyParts = { currency, usdFrom: 'none', usdQualifier: 'about' };
  const min = input.amount ?? input.min;
  const max = input.amount ?? input.max;
  if (min !== undefined) parts.min = min;
  if (max !== undefined) parts.max = max;
  if (currency === 'USD') return { ...parts, usdMin: min, usdMax: max, usdFrom: 'reported', usdQualifier: 'exactly' };
  const reported = input.reported;
  if (reported?.currency === 'USD') {
    const low = reported.amount ?? reported.min;
    const high = reported.amount ?? reported.max;
    if (low !== undefined || high !== undefined) {
      return { ...parts, usdMin: low, usdMax: high, usdFrom: 'reported', usdQualifier: reported.qualifier ?? 'about' };
    }
  }
  const rate = input.rate;
  if (rate && (rate.to ?? 'USD') === 'USD') {
    const convert = (n: number | undefined) => (n === undefined ? undefined : roundEstimate(n * rate.rate));
    return { ...parts, usdMin: convert(min), usdMax: convert(max), usdFrom: 'converted', rate };
  }
  return parts;
}

function range(min: number | undefined, max: number | undefined, one: (n: number) => string): string {
  if (min !== undefined && max !== undefined) return min === max ? one(min) : `${one(min)}-${one(max)}`;
  if (max !== undefined) return `up to ${one(max)}`;
  if (min !== undefined) return `at least ${one(min)}`;
  return '';
}

const dollars = (n: number) => `$${formatInteger(n)}`;

/** The amount in its own currency, e.g. "3 million-5 million yuan"; "" where no amount is given. */
export function formatLocalAmount(parts: MoneyParts): string {
  if (parts.currency === 'USD') return range(parts.min, parts.max, dollars);
  const text = range(parts.min, parts.max, formatAmount);
  return text && `${text} ${CURRENCY_WORDS[parts.currency] ?? parts.currency}`;
}

/** "about $420,000-$700,000", or "" where no dollar figure is known. */
export function formatUsdAmount(parts: MoneyParts): string {
  const text = range(parts.usdMin, parts.usdMax, dollars);
  if (!text) return '';
  if (parts.usdQualifier !== 'about') return text;
  const bound = /^(up to|at least) /.exec(text);
  return bound ? `${bound[0]}about ${text.slice(bound[0].length)}` : `about ${text}`;
}

/** "3 million-5 million yuan (about $420,000-$700,000)". */
export function formatMoney(input: MoneyInput): string {
  const parts = moneyParts(input);
  const local = formatLocalAmount(parts);
  const usd = parts.currency === 'USD' ? '' : formatUsdAmount(parts);
  if (!local) return usd || 'amount not reported';
  return usd ? `${local} (${usd})` : local;
}

/** The footnote for a converted amount: "US dollars converted at $0.14 per yuan (basis)". */
export function formatRateNote(input: MoneyInput): string {
  const parts = moneyParts(input);
  if (parts.usdFrom === 'reported' && parts.currency !== 'USD') return 'US-dollar figure as reported by the source.';
  if (parts.usdFrom !== 'converted' || !parts.rate) return '';
  const unit = CURRENCY_WORDS[parts.currency]?.replace(/s$/, '') ?? parts.currency;
  return `US dollars converted at $${parts.rate.rate} per ${unit} (${parts.rate.basis}).`;
}
