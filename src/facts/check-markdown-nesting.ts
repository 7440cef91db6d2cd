// Markdown in data nested past markdown-it's limit is a problem at its field, not text that
// vanishes from the document (issue 11).
import type { Problem } from '../errors.js';
import { MARKDOWN_FIELDS } from './markdown-fields.js';
import { matchPath } from './references.js';
import { formatPath, locate, type YamlFile } from './yaml-document.js';

/**
 * A level of nesting costs a line at least a quarter of a character at its start (a quote, one
 * `>`; a list, two levels for two columns of indent, and a tab is four): text with no line starting
 * with 20 such characters cannot reach 100 levels and is not parsed, so that most datasets never
 * load markdown-it for this check.
 */
const DEEP_LINE = /^[ \t>*+\-.)0-9]{20,}/m;

/** A problem for each Markdown field of the file that nests deeper than markdown-it renders. */
export async function checkMarkdownNesting(yaml: YamlFile): Promise<Problem[]> {
  const suspects = MARKDOWN_FIELDS.flatMap((pattern) => [...matchPath(yaml.data, pattern)]).filter(
    (m): m is { path: Array<string | number>; value: string } => typeof m.value === 'string' && DEEP_LINE.test(m.value),
  );
  if (suspects.length === 0) return [];
  const { dropsNestedText, MAX_NESTING } = await import('./markdown-depth.js');
  return suspects
    .filter((s) => dropsNestedText(s.value))
    .map(({ path }) => {
      const { line, col } = locate(yaml, path);
      return {
        file: yaml.file,
        line,
        col,
        path: formatPath(path),
        message: `Markdown nested more than ${MAX_NESTING} levels deep (quotes and lists within each other): markdown-it leaves out the text past that depth`,
      };
    });
}
