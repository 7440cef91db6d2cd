// Dates keep the precision the data gives them (issue 3): "24 August 2023", "October 2022", "2019".
import { parseDateValue } from '../../facts/date-value.js';
import type { DateValue } from '../../facts/schema.js';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "24 August 2023", "October 2022" or "2019"; `short` gives "Aug 2023". */
export function formatDate(value: DateValue, style: 'long' | 'short' = 'long'): string {
  const { year, month, day } = parseDateValue(value);
  const name = month ? MONTHS[month - 1] ?? '' : '';
  const monthText = style === 'short' ? name.slice(0, 3) : name;
  if (month && day) return `${day} ${monthText} ${year}`;
  if (month) return `${monthText} ${year}`;
  return String(year);
}
