// The characters of rendered HTML that no bundled font draws: in its text, not its tags, with
// character references decoded (a template may write `&middot;`, Markdown may carry `&#x627;`).
// Run for every document a build renders, so it lets the regular-expression engine find the few
// places worth a look (non-ASCII text, references) instead of walking the HTML itself.
import { decodeHTML } from 'entities';
import { collectUndrawable } from './can-draw.js';

/** Runs of non-ASCII characters: ASCII is printable or a control, never a problem. */
const NON_ASCII = /[^\0-\x7f]+/g;
/** Character references, but for the escapes every document is full of, which decode to ASCII. */
const REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#39|#x27);)#?[a-zA-Z0-9]{1,40};/g;

/** Whether `at` lies inside a tag (between its `<` and `>`), as attribute values do. */
function isInsideTag(html: string, at: number): boolean {
  return html.lastIndexOf('<', at) > html.lastIndexOf('>', at);
}

/** Adds to `found` each character no bundled font draws in the text of `html`. */
export function collectUndrawableInHtml(html: string, found: Set<number>): void {
  const candidates = new Set<number>();
  for (const run of html.matchAll(NON_ASCII)) {
    candidates.clear();
    collectUndrawable(run[0], candidates);
    // Rare: only an undrawable character's place is looked at, to leave out attribute values.
    for (const cp of candidates) {
      const char = String.fromCodePoint(cp);
      for (let at = run[0].indexOf(char); at >= 0; at = run[0].indexOf(char, at + 1)) {
        if (!isInsideTag(html, run.index + at)) {
          found.add(cp);
          break;
        }
      }
    }
  }
  for (const reference of html.matchAll(REFERENCE)) {
    if (!isInsideTag(html, reference.index)) collectUndrawable(decodeHTML(reference[0]), found);
  }
}

/** The characters no bundled font draws in the text of `html`, each once. */
export function findUndrawableInHtml(html: string): number[] {
  const found = new Set<number>();
  collectUndrawableInHtml(html, found);
  return [...found];
}
