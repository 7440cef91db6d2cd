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

// One form per quantity (issue 18, item 2): from a million up, "1.4 million", never "1,400,000".
const compactByLanguage = new Map<string, Intl.NumberFormat>();

/**
 * A count as a headline figure writes it: "35,000"; from a million up in words, "1.4 million", where
 * three significant figures hold it exactly (else in full, "1,234,567": a figure is never rounded).
 */
export function formatQuantity(n: number, lang: string): string {
  if (Math.abs(n) < 1e6 || !Number.isInteger(n) || !heldBy3Figures(n)) return formatNumber(n, lang);
  let formatter = compactByLanguage.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 });
    compactByLanguage.set(lang, formatter);
  }
  return formatter.format(n);
}

function heldBy3Figures(n: number): boolean {
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(n))) - 2);
  return Math.round(n / magnitude) * magnitude === n;
}

/** "1 source", "3 sources". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(count)} ${count === 1 ? singular : plural}`;
}
