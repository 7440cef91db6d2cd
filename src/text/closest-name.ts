// "did you mean": the known name nearest to a mistyped one (an id, a field, a label key), with
// fastest-levenshtein's distance. Ground every part of src/ may stand on.
import { distance } from 'fastest-levenshtein';

/** The known name nearest to `word`, if it is near enough to be a typo of it. */
export function closestName(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const name of known) {
    const d = distance(word.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** `did you mean "alpha"?` when one is near, else the known names: what follows a name that is not there. */
export function suggestName(word: string, known: readonly string[]): string {
  const guess = closestName(word, known);
  return guess ? `did you mean "${guess}"?` : `known: ${known.join(', ') || '(none)'}`;
}
