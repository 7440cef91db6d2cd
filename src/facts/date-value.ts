// A date as the data gives it, whose precision is its form ("2019", "2022-10", "2023-08-24"):
// its parts, and its place in time for sorting and drawing.
import type { DateValue } from './schema.js';

/** A date's parts; month and day are absent where the data does not know them. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

export function parseDateValue(value: DateValue): DateParts {
  const [y, m, d] = String(value).split('-').map(Number);
  return { year: y ?? 0, ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) };
}

/** An ISO date (first day of the unknown parts), for sorting and for charts. */
export function toIsoDate(value: DateValue): string {
  const { year, month, day } = parseDateValue(value);
  return `${String(year).padStart(4, '0')}-${String(month ?? 1).padStart(2, '0')}-${String(day ?? 1).padStart(2, '0')}`;
}

export function compareDates(a: DateValue, b: DateValue): number {
  return toIsoDate(a).localeCompare(toIsoDate(b));
}
