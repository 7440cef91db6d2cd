// A classic cross-reference section (ISO 32000-1, 7.5.4) and the trailer after it, read token by
// token: `xref`, subsections of `first count` with an entry `offset generation n|f` per object,
// then `trailer` and its dictionary. A cross-reference stream (7.5.8) is not read here.
import { PdfLexer, Token } from './pdf-lexer.js';
import { isDict, type PdfDict } from './pdf-objects.js';
import { readValue } from './pdf-parser.js';

/** One section: each object number it lists, with its byte offset or `undefined` where it is free; and its trailer. */
export interface XrefSection {
  entries: Map<number, number | undefined>;
  trailer: PdfDict;
}

/** The section at byte `at`; undefined where there is no table there (a cross-reference stream, a bad offset). */
export function readXrefSection(text: string, at: number): XrefSection | undefined {
  const lexer = new PdfLexer(text, at);
  lexer.next();
  if (!lexer.is('xref')) return undefined;
  const entries = new Map<number, number | undefined>();
  for (;;) {
    const kind = lexer.next();
    if (kind === Token.Keyword && lexer.is('trailer')) break;
    const first = integer(lexer, kind);
    const count = integer(lexer, lexer.next());
    if (first === undefined || count === undefined) return undefined;
    for (let i = 0; i < count; i++) {
      const offset = integer(lexer, lexer.next());
      const generation = integer(lexer, lexer.next());
      lexer.next();
      const inUse = lexer.is('n');
      if (offset === undefined || generation === undefined || (!inUse && !lexer.is('f'))) return undefined;
      entries.set(first + i, inUse ? offset : undefined);
    }
  }
  lexer.next();
  const trailer = readValue(lexer);
  return isDict(trailer) ? { entries, trailer } : undefined;
}

function integer(lexer: PdfLexer, kind: number): number | undefined {
  return kind === Token.Number && lexer.integer ? lexer.number : undefined;
}
