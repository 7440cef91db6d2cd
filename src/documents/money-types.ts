// The money of a document's view: amounts as the data gives them, in the comparison currency, and the rates used.
import type { DateValue, Figure } from '../facts/schema.js';

/** How a source hedges an amount or figure. */
export type Qualifier = NonNullable<Figure['qualifier']>;

/** An amount of money as the data gives it: one exact amount, or a range, hedged or not. */
export interface AmountView {
  /** ISO 4217. */
  currency: string;
  amount: number | null;
  min: number | null;
  max: number | null;
  qualifier: Qualifier | null;
}

/** An amount in the comparison currency, and how it was had (the data model's conversion order). */
export interface ComparisonView extends AmountView {
  /** `same`: already in that currency; `reported`: as the source gave it; `converted`: at a rate of the list. */
  how: 'same' | 'reported' | 'converted';
  /** True for `reported`: the table marks it. */
  reported: boolean;
}

/** What the money in a document is compared and charted in, and the rates used. */
export interface MoneyView {
  /** ISO 4217: `meta.comparisonCurrency`, else USD. */
  comparisonCurrency: string;
  /** True where some incentive has a value in the comparison currency that its own amount is not in. */
  comparisonColumn: boolean;
  /** True where some value in the comparison currency is as the source reported it. */
  anyReported: boolean;
  /** Each exchange rate used, once. */
  rates: RateView[];
  /** The currency the incentives chart is drawn in, or null when there is none. */
  chartCurrency: string | null;
  /** True where the chart is drawn in the comparison currency (values as reported or converted). */
  chartIsComparison: boolean;
  /** Why a document with incentives in several currencies has no chart: a label key with its values. */
  noChart: { key: string; currencies: string[] } | null;
  /** Incentives the chart leaves out, having no value in its currency. */
  notCharted: number;
}

/** An exchange rate a document used: `rate` units of `to` per one unit of `from`. */
export interface RateView {
  from: string;
  to: string;
  rate: number;
  basis: string;
  date: DateValue | null;
}
