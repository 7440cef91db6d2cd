// Numbers as a reader reads them: "420,000" in English, "420.000" in German; counts with their noun.

// One formatter for the process: toLocaleString builds a new one on every call.
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Thousands separators, at most two decimals. */
export function formatInteger(n: number): string {
  return grouped.format(n);
}

// One formatter per language: building one costs far more than using it.
const byLanguage = new Map<string, Intl.NumberFormat>();

/** A number as `lang` writes it: "35,000" in English, "35.000" in German. */
export function formatNumber(n: number, lang: string): string {
  let formatter = byLanguage.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    byLanguage.set(lang, formatter);
  }
  return formatter.format(n);
}

/** "1 source", "3 sources". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(count)} ${count === 1 ? singular : plural}`;
}
