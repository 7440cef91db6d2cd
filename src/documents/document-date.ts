// The date written into every document (issue 3 item 7): SOURCE_DATE_EPOCH where given, else the
// data's as-of date, so the same inputs give the same bytes on any day.
import type { DateValue } from '../facts/schema.js';

/** `sourceDateEpoch` (seconds) when given, else the as-of date at midnight UTC. */
export function documentDate(asOf: DateValue, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch !== undefined) return new Date(sourceDateEpoch * 1000);
  const [year, month, day] = String(asOf).split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}
