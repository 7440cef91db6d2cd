// Money in any currency (issue 13, item 4): each incentive's amount as the data gives it, its value
// in the comparison currency by the data model's conversion order, the rates used, and what the
// incentives chart can be drawn in.
import type { Facts } from '../facts/facts.js';
import type { Incentive } from '../facts/schema.js';
import type { AmountView, ComparisonView, IncentiveRowView, MoneyView, Qualifier, RateView } from './view-types.js';

/** The currency a dataset compares and charts incentives in. */
export function comparisonCurrencyOf(facts: Facts): string {
  return facts.meta.comparisonCurrency ?? 'USD';
}

/** True where an incentive states an amount: exact, or either end of a range. */
export function hasAmount(incentive: Pick<Incentive, 'amount' | 'min' | 'max'>): boolean {
  return incentive.amount !== undefined || incentive.min !== undefined || incentive.max !== undefined;
}

/** The amount as the data gives it; null where it gives none. `check` names one with no currency. */
export function amountOf(incentive: Incentive): AmountView | null {
  if (!hasAmount(incentive)) return null;
  return {
    // XXX is ISO 4217's code for "no currency"; the checks refuse such an amount before any document.
    currency: incentive.currency ?? 'XXX',
    amount: incentive.amount ?? null,
    min: incentive.amount === undefined ? incentive.min ?? null : null,
    max: incentive.amount === undefined ? incentive.max ?? null : null,
    qualifier: incentive.qualifier ?? null,
  };
}

/** Rounds to two significant figures: a converted amount is an estimate and should not look precise. */
function roundEstimate(n: number): number {
  if (n === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(n))) - 1);
  return Math.round(n / magnitude) * magnitude;
}

/** The rate the conversion order finds for an incentive: its own, else its claim's source's for its currency. */
function findRate(facts: Facts, incentive: Incentive, to: string): RateView | null {
  const from = incentive.currency;
  if (!from) return null;
  const own = incentive.rate;
  if (own && (own.to ?? to) === to) return { from, to, rate: own.rate, basis: own.basis, date: own.date ?? null };
  const sourceId = facts.claims.get(incentive.claim)?.source;
  const rates = sourceId === undefined ? [] : facts.sources.get(sourceId)?.rates ?? [];
  const found = rates.find((r) => r.currency === from && (r.to ?? to) === to);
  return found ? { from, to, rate: found.rate, basis: found.basis, date: found.date ?? null } : null;
}

/**
 * The amount in `to` by the data model's order: the amount itself where already in `to`; else the
 * amount the source reported in `to`; else converted at the incentive's own rate, or at a rate its
 * claim's source gives; else null. `rates` collects each rate used, once.
 */
export function comparisonOf(facts: Facts, incentive: Incentive, to: string, rates: RateView[]): ComparisonView | null {
  const own = amountOf(incentive);
  if (!own) return null;
  if (own.currency === to) return { ...own, how: 'same', reported: false };
  const reported = incentive.reported;
  if (reported && reported.currency === to && (reported.amount ?? reported.min ?? reported.max) !== undefined) {
    const qualifier: Qualifier | null = reported.qualifier === 'exactly' ? own.qualifier : reported.qualifier ?? 'about';
    return {
      currency: to,
      amount: reported.amount ?? null,
      min: reported.amount === undefined ? reported.min ?? null : null,
      max: reported.amount === undefined ? reported.max ?? null : null,
      qualifier: qualifierBeside(own.qualifier, qualifier),
      how: 'reported',
      reported: true,
    };
  }
  const rate = findRate(facts, incentive, to);
  if (!rate) return null;
  if (!rates.some((r) => r.from === rate.from && r.to === rate.to && r.rate === rate.rate && r.basis === rate.basis)) rates.push(rate);
  const convert = (n: number | null) => (n === null ? null : roundEstimate(n * rate.rate));
  return {
    currency: to,
    amount: convert(own.amount),
    min: convert(own.min),
    max: convert(own.max),
    // A converted amount is an estimate: "about", unless the source's own hedge says more.
    qualifier: qualifierBeside(own.qualifier, 'about'),
    how: 'converted',
    reported: false,
  };
}

/** The source's bound ("up to", "fewer than") wins over "about": it says more about the amount. */
function qualifierBeside(own: Qualifier | null, estimate: Qualifier | null): Qualifier | null {
  return own && own !== 'about' && own !== 'exactly' ? own : estimate;
}

/**
 * How a document's money is compared and charted: `shown` are the values in the comparison currency
 * its tables and glance rows print, `chartRows` the incentives its chart compares.
 */
export function moneyViewOf(facts: Facts, shown: (ComparisonView | null)[], chartRows: IncentiveRowView[], rates: RateView[]): MoneyView {
  const to = comparisonCurrencyOf(facts);
  const withAmount = chartRows.filter((r) => r.amount !== null);
  const compared = withAmount.filter((r) => r.comparison !== null);
  const currencies = [...new Set(withAmount.map((r) => r.amount!.currency))].sort();
  // In the comparison currency where conversions exist; else in the one currency all amounts share.
  const converted = compared.some((r) => r.comparison!.how !== 'same');
  let chartCurrency: string | null = null;
  if (compared.length >= 2 && (converted || currencies.length === 1)) chartCurrency = to;
  else if (currencies.length === 1 && withAmount.length >= 2) chartCurrency = currencies[0]!;
  const noChart = chartCurrency === null && currencies.length > 1 ? { key: 'incentive.no-chart-currencies', currencies } : null;
  const charted = chartCurrency === null ? 0 : chartCurrency === to ? compared.length : withAmount.length;
  return {
    comparisonCurrency: to,
    comparisonColumn: shown.some((c) => c !== null && c.how !== 'same'),
    anyReported: shown.some((c) => c?.how === 'reported'),
    rates,
    chartCurrency,
    chartIsComparison: chartCurrency === to && converted,
    noChart,
    notCharted: chartCurrency === null ? 0 : withAmount.length - charted,
  };
}
