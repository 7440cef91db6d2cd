// Numbers as a reader says them: "3 million", "420,000", "1.5 billion".

// One formatter for the process: toLocaleString builds a new one on every call.
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Thousands separators, at most two decimals. */
export function formatInteger(n: number): string {
  return grouped.format(n);
}

/** "3 million", "1.5 billion", "850,000": words from a million up, as newspapers write them. */
export function formatAmount(n: number): string {
  const scales = [
    [1e9, 'billion'],
    [1e6, 'million'],
  ] as const;
  for (const [size, word] of scales) {
    if (Math.abs(n) >= size) return `${formatInteger(Math.round((n / size) * 100) / 100)} ${word}`;
  }
  return formatInteger(n);
}

/** Rounds to two significant figures: a converted amount is an estimate and should not look precise. */
export function roundEstimate(n: number): number {
  if (n === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(n))) - 1);
  return Math.round(n / magnitude) * magnitude;
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
