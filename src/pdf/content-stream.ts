// A page's content stream (ISO 32000-1, 7.8.2) as the list of its operators, each with the span
// of its operands (content-lexer.ts reads them).
import { ContentLexer } from './content-lexer.js';

/** One operator of a content stream and where it and its operands are. */
export interface ContentOperator {
  /** The operator as written: `BT`, `re`, `f*`, `BDC`; `BI` for a whole inline image. */
  name: string;
  /** Where its first operand starts, or with none the operator itself. */
  start: number;
  /** Where the operator itself starts: its operands lie from `start` to here. */
  at: number;
  /** Where it ends (for `BI`, after its `EI`). */
  end: number;
}

/** The stream's operators in order; undefined where it does not read as operators (a string or array left open, an image without EI). */
export function readOperators(content: Uint8Array): ContentOperator[] | undefined {
  const lexer = new ContentLexer(content);
  const operators: ContentOperator[] = [];
  try {
    while (lexer.next()) operators.push({ name: lexer.name, start: lexer.start, at: lexer.at, end: lexer.end });
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  return operators;
}
