// Dates keep the precision the data gives them (issue 3), in the dataset's language (issue 13):
// "24 August 2023", "October 2022", "2019" in British English; "2023년 8월 24일" in Korean.
import { parseDateValue } from '../../facts/date-value.js';
import type { DateValue } from '../../facts/schema.js';

/** The language dates are written in where a caller names none: the bundled data's. */
export const DEFAULT_DATE_LANGUAGE = 'en-GB';

type Precision = 'day' | 'month' | 'year';
// One option set for every date a document prints (issue 18, item 6): "short" once gave "Sept 2020"
// beside "Mar 2020" and "10 Jun 2024" beside "10 June 2024"; it is still accepted, and writes the same.
const ONE_STYLE: Record<Precision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
};
const OPTIONS: Record<'long' | 'short', Record<Precision, Intl.DateTimeFormatOptions>> = { long: ONE_STYLE, short: ONE_STYLE };

// One formatter per language, style and precision: building one costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(lang: string, style: 'long' | 'short', precision: Precision): Intl.DateTimeFormat {
  const key = `${lang}\0${style}\0${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', ...OPTIONS[style][precision] });
    formatters.set(key, formatter);
  }
  return formatter;
}

// Each date is written once per process: a dataset's documents print the same few dates many times.
const written = new Map<string, string>();
const WRITTEN_LIMIT = 10_000;

/** "24 August 2023", "October 2022" or "2019", whichever style is asked for. */
export function formatDate(value: DateValue, style: 'long' | 'short' = 'long', lang = DEFAULT_DATE_LANGUAGE): string {
  const key = `${value}\0${style}\0${lang}`;
  let text = written.get(key);
  if (text === undefined) {
    const { year, month, day } = parseDateValue(value);
    const precision: Precision = month && day ? 'day' : month ? 'month' : 'year';
    const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
    // Years before 100 would be read as 19xx by Date.UTC.
    date.setUTCFullYear(year);
    text = formatterFor(lang, style, precision).format(date);
    if (written.size >= WRITTEN_LIMIT) written.clear();
    written.set(key, text);
  }
  return text;
}
