import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { decodeText, mapReferences, parseText, pdfDate, pdfText, PdfName, PdfRef, PdfString, writeValue } from '../../src/pdf/pdf-syntax.js';
import { PdfWriter } from '../../src/pdf/pdf-writer.js';
import { xrefErrors } from '../helpers/read-pdf.js';

test('PDF strings: printable ASCII stays literal with escapes; anything else is UTF-16BE; dates are UTC', () => {
  assert.is(pdfText('a (b) \\ c').raw, '(a \\(b\\) \\\\ c)');
  assert.is(pdfText('启明').raw, '<FEFF542F660E>');
  assert.is(pdfDate(new Date('2023-08-24T05:06:07Z')), "D:20230824050607+00'00'");
  assert.is(decodeText(new PdfString('<FEFF542F660E>')), '启明');
  assert.is(decodeText(new PdfString('(a \\(b\\)\\n\\101)')), 'a (b)\nA');
});

test('a dictionary is read into values and written back', () => {
  const value = parseText('<</Type /Annot /Rect [412.5 323.67 416.25 331.17] /Dest /note-1 /StructParent 3 /P 12 0 R /Alt (a (nested) string) /F true /N null>>');
  assert.instance(value, Map);
  const dict = value as Map<string, unknown>;
  assert.equal((dict.get('Type') as PdfName).name, 'Annot');
  assert.equal(dict.get('Rect'), [412.5, 323.67, 416.25, 331.17]);
  assert.equal((dict.get('P') as PdfRef).num, 12);
  assert.is(dict.get('StructParent'), 3);
  assert.is((dict.get('Alt') as PdfString).raw, '(a (nested) string)');
  assert.is(dict.get('F'), true);
  assert.is(dict.get('N'), null);
  assert.is(
    writeValue(dict as never),
    '<</Type /Annot\n/Rect [412.5 323.67 416.25 331.17]\n/Dest /note-1\n/StructParent 3\n/P 12 0 R\n/Alt (a (nested) string)\n/F true\n/N null>>',
  );
});

test('references are renumbered in dictionaries and arrays, never inside strings', () => {
  const mapped = mapReferences('<</P 12 0 R /K [4 130 0 R 7 0 R] /Alt (see 12 0 R) /T <FEFF0031> /ID (node00000001)>>', (n) => n + 1000);
  assert.is(mapped, '<</P 1012 0 R /K [4 1130 0 R 1007 0 R] /Alt (see 12 0 R) /T <FEFF0031> /ID (node00000001)>>');
  assert.is(mapReferences('<</Kids [1 0 R 2 0 R]/Count 2>>', (n) => n * 10), '<</Kids [10 0 R 20 0 R]/Count 2>>');
});

test('a written file has a cross-reference table whose every offset is exact, and reads back', () => {
  const writer = new PdfWriter();
  const catalog = writer.allocate();
  const pages = writer.allocate();
  writer.write(pages, { head: '<</Type /Pages /Kids [] /Count 0>>' });
  writer.write(7, { head: '<</Length 5>>', data: Buffer.from('hello') });
  writer.write(catalog, { head: `<</Type /Catalog /Pages ${pages} 0 R>>` });
  const bytes = writer.finish({ root: catalog });
  assert.equal(xrefErrors(bytes), []);
  const text = Buffer.from(bytes).toString('latin1');
  assert.ok(text.startsWith('%PDF-1.7\n'));
  // Numbers 3 to 6 were never used: free entries, linked from entry 0.
  assert.match(text, /xref\n0 8\n0000000003 65535 f \n/);
  const file = PdfFile.read(bytes)!;
  assert.equal(file.numbers(), [1, 2, 7]);
  assert.is(Buffer.from(file.data(7)!).toString(), 'hello');
  assert.is(file.root.num, catalog);
  const again = new PdfWriter();
  again.write(1, { head: '<</Type /Catalog /Pages 2 0 R>>' });
  assert.not.equal(Buffer.from(again.finish({ root: 1 })).toString('latin1').match(/\/ID \[<([0-9A-F]{32})>/)?.[1], text.match(/\/ID \[<([0-9A-F]{32})>/)?.[1], 'the /ID follows the content');
});

test.run();
