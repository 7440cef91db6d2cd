// A label holding a character no bundled font draws is refused as the labels are read (issue 20):
// the pack's cover, contents and page stamps print labels no document prints, so no later check
// would see it, and the pack would show an empty box with exit 0.
import { TemplateError } from '../errors.js';
import { describeCharacter, findUndrawable } from '../fonts/can-draw.js';
import type { LabelEntry } from './labels.js';

/** Characters named one by one in the message; the rest are counted. */
const NAMED = 3;

/** Words written into the PDF file itself (link descriptions, alt text): read out, never drawn. */
const NOT_DRAWN = /^pdf\./;

/** Throws one line at the first label, of `entries` and each translation, that a bundled font cannot draw. */
export function assertLabelsDrawable(entries: ReadonlyMap<string, LabelEntry>, languages: ReadonlyMap<string, ReadonlyMap<string, LabelEntry>>): void {
  for (const labels of [entries, ...languages.values()]) {
    for (const [key, entry] of labels) {
      if (NOT_DRAWN.test(key)) continue;
      const texts = typeof entry.value === 'string' ? [entry.value] : Object.values(entry.value);
      const found = [...new Set(texts.flatMap((text) => findUndrawable(text ?? '')))];
      if (found.length === 0) continue;
      const named = found.slice(0, NAMED).map(describeCharacter).join(', ');
      const more = found.length - NAMED;
      throw new TemplateError(
        `${entry.file}:${entry.line}:${entry.col}  label "${key}": no bundled font can draw ${named}${more > 0 ? ` (and ${more} more character${more === 1 ? '' : 's'})` : ''}; it would print as an empty box`,
      );
    }
  }
}
