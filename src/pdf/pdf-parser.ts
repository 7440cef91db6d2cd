// Values read from the lexer's tokens (ISO 32000-1, 7.3): dictionaries, arrays, `N G R`
// references, names, strings as written, numbers, booleans and null. A malformed value throws a
// SyntaxError, which the file reader turns into "not a file of a shape this reads".
import { PdfLexer, Token } from './pdf-lexer.js';
import { PdfName, PdfRef, PdfString, type PdfDict, type PdfValue } from './pdf-objects.js';

/** Reads the value whose first token the lexer has just read; the lexer is left on its last token. */
export function readValue(lexer: PdfLexer): PdfValue {
  switch (lexer.kind) {
    case Token.Number:
      return readNumberOrRef(lexer);
    case Token.Name:
      return new PdfName(lexer.name());
    case Token.String:
    case Token.HexString:
      return new PdfString(lexer.token());
    case Token.ArrayStart:
      return readArray(lexer);
    case Token.DictStart:
      return readDict(lexer);
    case Token.Keyword:
      if (lexer.is('true')) return true;
      if (lexer.is('false')) return false;
      if (lexer.is('null')) return null;
      throw new SyntaxError(`a value was expected at ${lexer.start}, found "${lexer.token()}"`);
    default:
      throw new SyntaxError(`a value was expected at ${lexer.start}`);
  }
}

/** The value at `at` in `text`, and where its first token starts and its last ends. */
export function parseValue(text: string, at = 0, limit = text.length): { value: PdfValue; start: number; end: number } {
  const lexer = new PdfLexer(text, at, limit);
  lexer.next();
  const start = lexer.start;
  const value = readValue(lexer);
  return { value, start, end: lexer.end };
}

/** The value that `text` holds. */
export function parseText(text: string): PdfValue {
  return parseValue(text).value;
}

/** A number, or the reference it starts (`12 0 R`): two tokens more are read, and given back if they are not. */
function readNumberOrRef(lexer: PdfLexer): PdfValue {
  const value = lexer.number;
  if (!lexer.integer) return value;
  const { start, end } = lexer;
  if (lexer.next() === Token.Number && lexer.integer) {
    const gen = lexer.number;
    if (lexer.next() === Token.Keyword && lexer.is('R')) return new PdfRef(value, gen);
  }
  lexer.rewind(Token.Number, start, end);
  return value;
}

/** An array: a reference is two integers followed by `R`, put together as `R` is read. */
function readArray(lexer: PdfLexer): PdfValue[] {
  const items: PdfValue[] = [];
  // How many integers, written as digits alone, end the items read so far.
  let integers = 0;
  for (;;) {
    const kind = lexer.next();
    if (kind === Token.ArrayEnd) return items;
    if (kind === Token.Number) {
      items.push(lexer.number);
      integers = lexer.integer ? integers + 1 : 0;
    } else if (kind === Token.Keyword && lexer.is('R')) {
      if (integers < 2) throw new SyntaxError(`an "R" without its object number at ${lexer.start}`);
      const gen = items.pop() as number;
      const num = items.pop() as number;
      items.push(new PdfRef(num, gen));
      integers = 0;
    } else {
      if (kind === Token.End) throw new SyntaxError('an array does not end');
      items.push(readValue(lexer));
      integers = 0;
    }
  }
}

function readDict(lexer: PdfLexer): PdfDict {
  const dict: PdfDict = new Map();
  for (;;) {
    const kind = lexer.next();
    if (kind === Token.DictEnd) return dict;
    if (kind !== Token.Name) throw new SyntaxError(`a dictionary key was expected at ${lexer.start}`);
    const key = lexer.name();
    lexer.next();
    dict.set(key, readValue(lexer));
  }
}

/**
 * A look at the value whose first token the lexer has just read, building none of it: for a
 * dictionary, its keys with the name each holds ('' for a value of another kind); undefined for
 * any other value. The lexer is left on the value's last token.
 */
export function glanceValue(lexer: PdfLexer): Map<string, string> | undefined {
  if (lexer.kind !== Token.DictStart) {
    skipValue(lexer);
    return undefined;
  }
  const keys = new Map<string, string>();
  let kind = lexer.next();
  while (kind !== Token.DictEnd) {
    if (kind !== Token.Name) throw new SyntaxError(`a dictionary key was expected at ${lexer.start}`);
    const key = lexer.name();
    const first = lexer.next();
    if (first === Token.DictEnd || first === Token.End) throw new SyntaxError(`a value was expected at ${lexer.start}`);
    keys.set(key, first === Token.Name ? lexer.name() : '');
    skipValue(lexer);
    // A reference's generation and `R` follow its number: anything up to the next key is the value's.
    for (kind = lexer.next(); kind !== Token.Name && kind !== Token.DictEnd; kind = lexer.next()) {
      if (kind === Token.End) throw new SyntaxError('a dictionary does not end');
      skipValue(lexer);
    }
  }
  return keys;
}

/** Passes over the value whose first token the lexer has just read, arrays and dictionaries to their end. */
function skipValue(lexer: PdfLexer): void {
  let depth = 0;
  for (let kind = lexer.kind; ; kind = lexer.next()) {
    if (kind === Token.ArrayStart || kind === Token.DictStart) depth++;
    else if (kind === Token.ArrayEnd || kind === Token.DictEnd) depth--;
    else if (kind === Token.End) throw new SyntaxError('a value does not end');
    if (depth <= 0) return;
  }
}
