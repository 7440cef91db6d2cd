// A document whose text holds a character no bundled font draws fails, naming the character and
// where it comes from (issue 11): printed, it would be an empty box or a glyph of the machine's
// fonts. `brief check` reports such characters in the data before any build (src/facts/check-glyphs.ts).
import { decodeHTML } from 'entities';
import { BriefError, EXIT } from '../errors.js';
import type { Facts } from '../facts/facts.js';
import { collectUndrawable, describeCharacter } from '../fonts/can-draw.js';
import { collectUndrawableInHtml } from '../fonts/find-undrawable-in-html.js';
import type { DocumentSpec } from '../contracts/document.js';
import type { RenderOptions } from './render-options.js';

/** What a document draws: its body, as HTML, and plain text set outside it (the running header). */
export interface DrawnText {
  html: string;
  text: string[];
}

/** Characters named one by one in the message; the rest are counted. */
const NAMED = 3;

/** Throws a one-line error naming the document, the characters no bundled font draws, and their source. */
export function assertDrawable(facts: Facts, spec: DocumentSpec, drawn: DrawnText, options: Pick<RenderOptions, 'author' | 'distribution'>): void {
  const found = new Set<number>();
  collectUndrawableInHtml(drawn.html, found);
  for (const text of drawn.text) collectUndrawable(text, found);
  if (found.size === 0) return;
  const named = [...found].slice(0, NAMED);
  // Characters from one place are named together: "U+0645 "م", U+0631 "ر" from data/x.yaml:3:5".
  const groups: { source: string; characters: string[] }[] = [];
  for (const cp of named) {
    const source = describeSource(facts, spec, String.fromCodePoint(cp), options);
    const last = groups[groups.length - 1];
    if (last?.source === source) last.characters.push(describeCharacter(cp));
    else groups.push({ source, characters: [describeCharacter(cp)] });
  }
  const listed = groups.map((g) => `${g.characters.join(', ')} from ${g.source}`).join('; ');
  const more = found.size - named.length;
  throw new BriefError(
    `${spec.outputPath}: no bundled font can draw ${listed}${more > 0 ? ` (and ${more} more character${more === 1 ? '' : 's'})` : ''}`,
    { exitCode: EXIT.data },
  );
}

/** Whether a string in `value` holds `char`, as written or once its character references are decoded. */
function holdsCharacter(value: unknown, char: string): boolean {
  if (typeof value === 'string') return value.includes(char) || (value.includes('&') && decodeHTML(value).includes(char));
  if (Array.isArray(value)) return value.some((item) => holdsCharacter(item, char));
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => key !== 'origin' && holdsCharacter(item, char));
  return false;
}

/**
 * Where a character comes from: the first data record holding it (the document's subject first,
 * then its claims, then every record), as `file:line:col`; else the dataset's meta, the options,
 * or, when no data holds it, the templates.
 */
function describeSource(facts: Facts, spec: DocumentSpec, char: string, options: Pick<RenderOptions, 'author' | 'distribution'>): string {
  const { kind, id } = spec.subject;
  const subject = kind === 'programme' ? facts.programmes.get(id) : facts.topics.get(id);
  const claims = (kind === 'programme' ? facts.claimsByProgramme : facts.claimsByTopic).get(id) ?? [];
  const everything = [facts.programmes, facts.topics, facts.claims, facts.quotes, facts.timeline, facts.people, facts.organisations, facts.sources];
  const records = [...(subject ? [subject] : []), ...claims, ...everything.flatMap((records) => [...records.values()])];
  const record = records.find((r) => holdsCharacter(r, char));
  if (record) return `${record.origin.file}:${record.origin.line}:${record.origin.col}`;
  if (holdsCharacter(facts.meta, char)) return '`meta` in the data';
  if (holdsCharacter([options.author, options.distribution], char)) return 'the author or distribution given to the build';
  return 'the templates (no data holds it)';
}
