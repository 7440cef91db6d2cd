// Figures as reported: "unknown" is a value and shows as such; a size in words ("thousands") is the
// value itself; the source's hedge stays ("fewer than 35,000 people"), worded by the labels.
import type { Figure } from '../../facts/schema.js';
import { formatCurrency, hedge } from './money.js';
import { formatNumber, formatQuantity } from './numbers.js';
import type { Wording } from './wording.js';

/** "more than 200 people", "about 25%", "unknown", "thousands of engineers", "fewer than £3m". */
export function formatFigure(figure: Pick<Figure, 'value' | 'qualifier' | 'unit'>, wording: Wording): string {
  const { labels, lang } = wording;
  const { value, unit } = figure;
  if (value === 'unknown') return labels.text('value.unknown', {}, lang);
  if (typeof value === 'string') {
    const quantity = labels.text(`quantity.${value.replace(/ /g, '-')}`, {}, lang);
    // "a few schools", but "dozens of schools" (issue 23): the rough counts English writes without "of".
    const withoutOf = value === 'a few' || value === 'several';
    return unit ? labels.text(withoutOf ? 'quantity.with-unit' : 'quantity.of-unit', { quantity, unit }, lang) : quantity;
  }
  let number: string;
  if (unit && /^[A-Z]{3}$/.test(unit)) number = formatCurrency([value], unit, lang);
  else if (unit === '%') number = labels.text('figure.percent', { amount: formatNumber(value, lang) }, lang);
  else number = unit ? labels.text('figure.with-unit', { amount: formatQuantity(value, lang), unit }, lang) : formatQuantity(value, lang);
  return hedge(number, figure.qualifier ?? null, wording);
}
