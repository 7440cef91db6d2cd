// The words a pack prints that no document prints are checked before anything is written (issue 20):
// an audience's title is on its pack's cover only, and its marking on copies printed late in the
// run; a character no bundled font draws would be an empty box, or a document failed after others.
import type { Audience } from '../contracts/audience.js';
import { UsageError } from '../errors.js';
import { describeCharacter, findUndrawable } from '../fonts/can-draw.js';

/** Characters named one by one in a problem; the rest are counted. */
const NAMED = 3;

/** One line per audience title or marking holding a character no bundled font draws, at its place in the config file. */
export function undrawableAudienceWords(audiences: readonly Audience[]): string[] {
  const problems: string[] = [];
  audiences.forEach((audience, index) => {
    for (const field of ['title', 'distribution'] as const) {
      const text = audience[field];
      const found = text === undefined ? [] : findUndrawable(text);
      if (found.length === 0) continue;
      const place = audience.at?.[field] ?? audience.at?.entry;
      problems.push(`${place ? `${place}  ` : ''}audiences[${index}].${field} ${JSON.stringify(text)}: ${describeFound(found)}; ${field === 'title' ? "its pack's cover" : 'its documents and pack'} would print ${found.length === 1 ? 'it as an empty box' : 'them as empty boxes'}`);
    }
  });
  return problems;
}

/** "no bundled font can draw U+1F600 "😀", U+1D54F "𝕏"". */
export function describeFound(found: readonly number[]): string {
  const more = found.length - NAMED;
  return `no bundled font can draw ${found.slice(0, NAMED).map(describeCharacter).join(', ')}${more > 0 ? ` (and ${more} more character${more === 1 ? '' : 's'})` : ''}`;
}

/**
 * Refuses, before the output folder is opened, what a run is given that every pack prints and no
 * bundled font draws: an audience's title or marking, the author, the marking (flag or config file).
 */
export function refuseUndrawablePackWords(given: { audiences?: readonly Audience[]; author?: string; distribution?: string }): void {
  const problems = undrawableAudienceWords(given.audiences ?? []);
  for (const setting of ['author', 'distribution'] as const) {
    const found = findUndrawable(given[setting] ?? '');
    if (found.length === 0) continue;
    const boxes = found.length === 1 ? 'it as an empty box' : 'them as empty boxes';
    problems.push(`--${setting} (or ${setting}: in the config file) ${JSON.stringify(given[setting])}: ${describeFound(found)}; every document and pack would print ${boxes}`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
}
