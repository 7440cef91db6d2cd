// A document is printed on a page that must stay where it is: a template may not send it away
// (issue 11). Templates are known before any document renders, so this is checked as they are read.
import { TemplateError } from '../errors.js';

// <meta http-equiv="refresh" ...> in any spelling HTML accepts: quoted or not, any case.
const REFRESH = /<meta\b[^>]*?\shttp-equiv\s*=\s*["']?\s*refresh\b/i;
// Handlebars comments print nothing: blanked out, keeping every line and column where it was.
const COMMENT = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g;

/** Throws a TemplateError naming the file, line and column of a `<meta http-equiv="refresh">`. */
export function refuseNavigation(file: string, source: string): void {
  const found = REFRESH.exec(source.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ' ')));
  if (!found) return;
  const before = source.slice(0, found.index);
  const line = before.split('\n').length;
  const col = found.index - before.lastIndexOf('\n');
  const text = source.split('\n')[line - 1]!.trim();
  const near = text.length > 100 ? `${text.slice(0, 97)}...` : text;
  const what = 'a <meta http-equiv="refresh"> would send the page elsewhere before it is printed; remove it';
  throw new TemplateError(`${file}:${line}:${col}  template refused: ${what}  near: ${near}`);
}
