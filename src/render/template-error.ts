// Handlebars errors turned into TemplateErrors that name the template file and line (issue 3).
import { TemplateError } from '../errors.js';

interface HandlebarsLikeError extends Error {
  lineNumber?: number;
  column?: number;
}

/** Where in the template the error points, from Handlebars' own fields or its message. */
function locate(error: HandlebarsLikeError): { line: number; col: number } | undefined {
  if (typeof error.lineNumber === 'number') return { line: error.lineNumber, col: (error.column ?? 0) + 1 };
  const parse = /Parse error on line (\d+)/.exec(error.message);
  if (parse) return { line: Number(parse[1]), col: 1 };
  const loc = / - (\d+):(\d+)$/.exec(error.message) ?? /at line (\d+)/.exec(error.message);
  if (loc) return { line: Number(loc[1]), col: Number(loc[2] ?? 0) + 1 };
  return undefined;
}

/** The message without Handlebars' trailing " - line:col", its "[object Object]" and parser noise. */
function cleanMessage(message: string, line: string | undefined): string {
  const parse = /^Parse error on line \d+:\n.*\n.*\nExpecting (.*), got '([^']*)'$/.exec(message);
  if (parse) {
    // The parser's caret drawing means nothing on one line; the line itself is shown as "near:".
    if (parse[2] === 'EOF') return 'syntax error: the template ends inside an unclosed block or tag';
    const expected = parse[1]!.split(', ');
    return `syntax error: unexpected ${parse[2]}${expected.length <= 4 ? `, expected ${expected.join(' or ')}` : ''}`;
  }
  const missing = /^"([^"]+)" not defined in \[object Object\]/.exec(message);
  // In strict mode a call to an unknown helper fails as an unknown field: say which it is.
  if (missing?.[1] && line && new RegExp(`\\{\\{[#~]?\\s*${escapeRegExp(missing[1])}\\s+[^\\s}~]`).test(line)) {
    return `no helper "${missing[1]}" (nor a field of that name in the view model)`;
  }
  return message
    .replace(/ - \d+:\d+$/, '')
    .replace(/ not defined in \[object Object\]/, ' is not in the view model')
    .replace(/\n/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Wraps any error thrown while compiling or running `file`; a TemplateError passes through unchanged. */
export function toTemplateError(
  error: unknown,
  file: string,
  stage: 'compile' | 'render',
  source?: string,
): TemplateError {
  if (error instanceof TemplateError) return error;
  const err = error instanceof Error ? (error as HandlebarsLikeError) : new Error(String(error));
  const where = locate(err);
  const place = where ? `${file}:${where.line}:${where.col}` : file;
  const verb = stage === 'compile' ? 'does not compile' : 'failed';
  // The line itself, so the reader sees which field without opening the file.
  const line = where && source ? source.split('\n')[where.line - 1]?.trim() : undefined;
  const shown = line ? `  near: ${line.length > 100 ? `${line.slice(0, 97)}...` : line}` : '';
  const message = cleanMessage(err.message, line);
  // A cleaned message already says what the cause said; kept as a cause, it would print twice.
  return new TemplateError(`${place}  template ${verb}: ${message}${shown}`, message === err.message ? err : undefined);
}
