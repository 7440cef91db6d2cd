// The PDF lexer and parser (issue 17): tokens and values read from PDF syntax, the cases a text
// pattern gets wrong first.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PdfLexer, Token } from '../../src/pdf/pdf-lexer.js';
import { PdfName, PdfRef, PdfString, type PdfValue } from '../../src/pdf/pdf-objects.js';
import { glanceValue, parseText, parseValue } from '../../src/pdf/pdf-parser.js';

/** Each token of the text as [kind, text as written]. */
function tokens(text: string): Array<[string, string]> {
  const names = Object.fromEntries(Object.entries(Token).map(([name, kind]) => [kind, name]));
  const lexer = new PdfLexer(text);
  const out: Array<[string, string]> = [];
  while (lexer.next() !== Token.End) out.push([names[lexer.kind]!, lexer.token()]);
  return out;
}

test('a literal string runs to the parenthesis that balances its first, escaped parentheses and backslashes inside it', () => {
  assert.equal(tokens('(a (nested (twice)) \\) \\\\) /Next'), [
    ['String', '(a (nested (twice)) \\) \\\\)'],
    ['Name', '/Next'],
  ]);
  assert.equal(tokens('(\\(open only) 1'), [
    ['String', '(\\(open only)'],
    ['Number', '1'],
  ]);
});

test('a hex string is one token, told apart from a dictionary opening', () => {
  assert.equal(tokens('<FEFF 0041>[<00>]<</A <01>>>'), [
    ['HexString', '<FEFF 0041>'],
    ['ArrayStart', '['],
    ['HexString', '<00>'],
    ['ArrayEnd', ']'],
    ['DictStart', '<<'],
    ['Name', '/A'],
    ['HexString', '<01>'],
    ['DictEnd', '>>'],
  ]);
});

test('a name keeps its #xx escapes and ends at any delimiter', () => {
  assert.equal(tokens('/application#2Fjson/A#20B(x)/C[1]'), [
    ['Name', '/application#2Fjson'],
    ['Name', '/A#20B'],
    ['String', '(x)'],
    ['Name', '/C'],
    ['ArrayStart', '['],
    ['Number', '1'],
    ['ArrayEnd', ']'],
  ]);
});

test('comments are skipped to the end of their line, and a % inside a string is not one', () => {
  assert.equal(tokens('1 % a comment with (parentheses\n2 (100%) %end'), [
    ['Number', '1'],
    ['Number', '2'],
    ['String', '(100%)'],
  ]);
});

test('numbers are read as written: reals with a leading or trailing point, signs; only bare digits count as integers', () => {
  const lexer = new PdfLexer('.5 -3. +2 12 -0.25 007');
  const read: Array<[number, boolean]> = [];
  while (lexer.next() !== Token.End) read.push([lexer.number, lexer.integer]);
  assert.equal(read, [
    [0.5, false],
    [-3, false],
    [2, false],
    [12, true],
    [-0.25, false],
    [7, true],
  ]);
});

test('a reference is read wherever `N G R` stands, R next to a delimiter included; anything else stays numbers', () => {
  assert.equal(parseText('[1 0 R/Name 2 0 R(3 0 R)4 0 R]'), [new PdfRef(1), new PdfName('Name'), new PdfRef(2), new PdfString('(3 0 R)'), new PdfRef(4)]);
  assert.equal(parseText('<</K 3 0 R/P 12 0 R>>'), new Map([['K', new PdfRef(3)], ['P', new PdfRef(12)]]));
  assert.equal(parseText('[1 2 3 4 0 R 5]'), [1, 2, 3, new PdfRef(4), 5]);
  assert.equal(
    parseText('<</W [1 0] /N 5 /M 0 /K /R0 /G 7 1 R>>'),
    new Map<string, PdfValue>([
      ['W', [1, 0]],
      ['N', 5],
      ['M', 0],
      ['K', new PdfName('R0')],
      ['G', new PdfRef(7, 1)],
    ]),
  );
});

test('a dictionary keeps its entries in the order written; booleans and null are values', () => {
  const value = parseText('<</Type /Annot /Rect [412.5 323.67 416.25 331.17] /Alt (a (nested) string) /F true /G false /N null>>');
  assert.equal(
    value,
    new Map<string, PdfValue>([
      ['Type', new PdfName('Annot')],
      ['Rect', [412.5, 323.67, 416.25, 331.17]],
      ['Alt', new PdfString('(a (nested) string)')],
      ['F', true],
      ['G', false],
      ['N', null],
    ]),
  );
});

test("a value's span is its first token to its last, white space and comments around it left out", () => {
  assert.equal(parseValue('12 0 obj\n  <</A 1>> % after\nendobj', 8), { value: new Map([['A', 1]]), start: 11, end: 19 });
});

test('a glance at a dictionary gives its keys and the names they hold, nested values and references passed over', () => {
  const glance = (text: string) => {
    const lexer = new PdfLexer(text);
    lexer.next();
    const keys = glanceValue(lexer);
    return { keys, end: lexer.end };
  };
  assert.equal(glance('<</Type /StructElem /S /NonStruct /P 24 0 R /A [<</O /Table>>] /K <</S /Fake>> /Alt (/S /P) /Lang (zh)>> endobj'), {
    keys: new Map([
      ['Type', 'StructElem'],
      ['S', 'NonStruct'],
      ['P', ''],
      ['A', ''],
      ['K', ''],
      ['Alt', ''],
      ['Lang', ''],
    ]),
    end: 104,
  });
  assert.equal(glance('[1 0 R (x)] 7'), { keys: undefined, end: 11 });
  assert.throws(() => glance('<</A>>'), SyntaxError);
});

test('malformed syntax throws a SyntaxError, never a wrong value', () => {
  for (const text of ['(unterminated', '<</A 1', '[1 2', '<ABC', '<<1 2>>', '[R]', '[-1 0 R]', ')', 'x']) {
    assert.throws(() => parseText(text), SyntaxError, text);
  }
});

test.run();
