// Values written back as PDF syntax in the layout Chromium (Skia) writes, and text strings, names
// and dates written and read (issue 17).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PdfInlineDict, PdfName, PdfRef, PdfString, type PdfValue } from '../../src/pdf/pdf-objects.js';
import { parseText } from '../../src/pdf/pdf-parser.js';
import { writeNumber, writeValue } from '../../src/pdf/pdf-serialiser.js';
import { decodeName, decodeText, nameOf, pdfDate, pdfText, stringBytes } from '../../src/pdf/pdf-text.js';

test("objects as Chromium writes them are written back byte for byte: one entry a line at every depth, arrays spaced, strings as written", () => {
  for (const text of [
    '<</Type /Page\n/Resources <</ProcSet [/PDF /Text /ImageB /ImageC /ImageI]\n/ExtGState <</G3 3 0 R\n/G4 4 0 R>>>>\n/MediaBox [0 0 594.95996 841.91998]\n/Contents 8 0 R\n/StructParents 0\n/Tabs /S\n/Parent 20 0 R>>',
    '<</Type /StructElem\n/S /TD\n/P 60 0 R\n/K [79 0 R 82 0 R]\n/A [<</O /Table\n/Headers [(node00000037)]>> <</O /Table\n/RowSpan 1>>]>>',
    '<</Type /Annot\n/Subtype /Link\n/F 4\n/Border [0 0 0]\n/Rect [152.25 343.91998 155.25 351.41998]\n/Dest /note-1\n/StructParent 1>>',
    '<</Title <FEFF0051006900B7>\n/Dest [2 0 R /XYZ 0 168.41 0]\n/Count -3>>',
    '<</Kids []\n/D <<>>\n/N null\n/B true>>',
  ]) {
    assert.is(writeValue(parseText(text)), text);
  }
});

test("the tool's own one-line dictionaries are written with a space between entries", () => {
  const params = new PdfInlineDict([
    ['Size', 17],
    ['CheckSum', new PdfString('<00FF>')],
  ]);
  assert.is(writeValue(new Map<string, PdfValue>([['Type', new PdfName('EmbeddedFile')], ['Params', params]])), '<</Type /EmbeddedFile\n/Params <</Size 17 /CheckSum <00FF>>>>>');
  assert.is(writeValue(new PdfInlineDict([['Root', new PdfRef(3)], ['ID', [new PdfString('<AB>'), new PdfString('<AB>')]]])), '<</Root 3 0 R /ID [<AB> <AB>]>>');
});

test('numbers: integers plainly, reals as JavaScript writes them up to five decimals, rounded beyond, never with an exponent', () => {
  assert.equal(
    [0, -12, 594.95996, 0.24, -0.5, 152.669983, 40.559998, 1e-7, -1e-9, 1e21, 2 / 3].map(writeNumber),
    ['0', '-12', '594.95996', '0.24', '-0.5', '152.66998', '40.56', '0', '0', '1000000000000000000000', '0.66667'],
  );
});

test('text strings: printable ASCII stays literal with escapes; anything else is UTF-16BE; dates are UTC', () => {
  assert.is(pdfText('a (b) \\ c').raw, '(a \\(b\\) \\\\ c)');
  assert.is(pdfText('启明').raw, '<FEFF542F660E>');
  assert.is(pdfText('tab\there').raw, '<FEFF00740061006200090068006500720065>');
  assert.is(pdfDate(new Date('2023-08-24T05:06:07Z')), "D:20230824050607+00'00'");
});

test('string tokens are decoded: escapes, octal codes, line continuations, hex with white space and an odd digit, UTF-16BE', () => {
  assert.is(decodeText(new PdfString('<FEFF542F660E>')), '启明');
  assert.is(decodeText(new PdfString('(a \\(b\\)\\n\\101\\0601)')), 'a (b)\nA01');
  // The bytes a shown string holds, as the proof reads glyph codes from them.
  assert.is(stringBytes(new PdfString('<0041 00e>')), '\x00A\x00\xe0');
  assert.is(stringBytes(new PdfString('(\\001\\(A)')), '\x01(A');
  assert.is(decodeText(new PdfString('(one \\\ntwo \\\r\nthree)')), 'one two three');
  assert.is(decodeText(new PdfString('<48 65 6C 6C 6F 2>')), 'Hello ');
  assert.is(decodeText(new PdfString('(\\q\\\\)')), 'q\\');
});

test('names: #xx escapes read, and written for any character but letters, digits, point, plus and minus', () => {
  assert.is(decodeName('note#2D1#20a'), 'note-1 a');
  assert.is(decodeName(new PdfName('A#2')), 'A#2');
  assert.is(nameOf('application/json').name, 'application#2Fjson');
  assert.is(nameOf('text/csv; charset=utf-8').name, 'text#2Fcsv#3B#20charset#3Dutf-8');
});

test.run();
