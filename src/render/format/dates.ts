// Dates keep the precision the data gives them (issue 3): "24 August 2023", "October 2022", "2019".
import type { DateValue } from '../../facts/schema.js';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

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

/** "24 August 2023", "October 2022" or "2019"; `short` gives "Aug 2023". */
export function formatDate(value: DateValue, style: 'long' | 'short' = 'long'): string {
  const { year, month, day } = parseDateValue(value);
  const name = month ? MONTHS[month - 1] ?? '' : '';
  const monthText = style === 'short' ? name.slice(0, 3) : name;
  if (month && day) return `${day} ${monthText} ${year}`;
  if (month) return `${monthText} ${year}`;
  return String(year);
}

/** An ISO date (first day of the unknown parts), for sorting and for charts. */
export function toIsoDate(value: DateValue): string {
  const { year, month, day } = parseDateValue(value);
  return `${String(year).padStart(4, '0')}-${String(month ?? 1).padStart(2, '0')}-${String(day ?? 1).padStart(2, '0')}`;
}

export function compareDates(a: DateValue, b: DateValue): number {
  return toIsoDate(a).localeCompare(toIsoDate(b));
}
