// Figures as reported: "unknown" is a value and shows as such; qualifiers stay ("more than 200").
import type { Figure } from '../../facts/schema.js';
import { formatLocalAmount, moneyParts } from './money.js';
import { formatAmount } from './numbers.js';

/** "more than 200 people", "about 25%", "unknown", "thousands of engineers". */
export function formatFigure(figure: Pick<Figure, 'value' | 'qualifier' | 'unit'>): string {
  if (figure.value === 'unknown') return 'unknown';
  const unit = figure.unit;
  // A size in words ("thousands") is the value itself, as the source gave it.
  if (typeof figure.value === 'string') return unit ? `${figure.value} of ${unit}` : figure.value;
  let number: string;
  if (unit && /^[A-Z]{3}$/.test(unit)) {
    number = formatLocalAmount(moneyParts({ min: figure.value, max: figure.value, currency: unit }));
  } else if (unit === '%') {
    number = `${formatAmount(figure.value)}%`;
  } else {
    number = unit ? `${formatAmount(figure.value)} ${unit}` : formatAmount(figure.value);
  }
  const qualifier = figure.qualifier && figure.qualifier !== 'exactly' ? `${figure.qualifier} ` : '';
  return `${qualifier}${number}`;
}
