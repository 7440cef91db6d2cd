// A document whose text holds a character no bundled font draws fails, naming the character and
// where it comes from (issue 11): printed, it would be an empty box or a glyph of the machine's
// fonts. `brief check` reports such characters in the data before any build (src/facts/check-glyphs.ts).
import { BriefError, EXIT } from '../errors.js';
import { collectUndrawable, describeCharacter } from '../fonts/can-draw.js';
import { collectUndrawableInHtml } from '../fonts/find-undrawable-in-html.js';

/** What a document draws: its body, as HTML, and plain text set outside it (the running header). */
export interface DrawnText {
  html: string;
  text: string[];
}

/** Characters named one by one in the message; the rest are counted. */
const NAMED = 3;

/** Names where a character comes from (`file:line:col` of the data record holding it); the caller knows the data. */
export type CharacterSource = (char: string) => string;

/** Throws a one-line error naming the document's file, the characters no bundled font draws, and their source. */
export function assertDrawable(outputPath: string, drawn: DrawnText, sourceOf: CharacterSource): void {
  const found = new Set<number>();
  collectUndrawableInHtml(drawn.html, found);
  for (const text of drawn.text) collectUndrawable(text, found);
  if (found.size === 0) return;
  const named = [...found].slice(0, NAMED);
  // Characters from one place are named together: "U+0645 "م", U+0631 "ر" from data/x.yaml:3:5".
  const groups: { source: string; characters: string[] }[] = [];
  for (const cp of named) {
    const source = sourceOf(String.fromCodePoint(cp));
    const last = groups[groups.length - 1];
    if (last?.source === source) last.characters.push(describeCharacter(cp));
    else groups.push({ source, characters: [describeCharacter(cp)] });
  }
  const listed = groups.map((g) => `${g.characters.join(', ')} from ${g.source}`).join('; ');
  const more = found.size - named.length;
  throw new BriefError(
    `${outputPath}: no bundled font can draw ${listed}${more > 0 ? ` (and ${more} more character${more === 1 ? '' : 's'})` : ''}`,
    { exitCode: EXIT.data },
  );
}
