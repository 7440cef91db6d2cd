// The file reader and writer (issue 17): cross-reference tables read token by token, with their
// subsections, free entries and incremental updates; files of other shapes refused; objects and
// stream data read by the lexer; files written with an exact table. No browser: the PDFs are made
// by hand.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { PdfName, PdfRef, PdfString, type PdfValue } from '../../src/pdf/pdf-objects.js';
import { PdfWriter } from '../../src/pdf/pdf-writer.js';
import { xrefErrors } from '../helpers/read-pdf.js';
import { handMadePdf, withUpdate, type HandObject } from '../fixtures/pdf/hand-made-pdf.js';

const CATALOG: HandObject = { num: 1, value: '<</Type /Catalog /Pages 2 0 R>>' };
const PAGES: HandObject = { num: 2, value: '<</Type /Pages /Kids [3 0 R] /Count 1>>' };
const PAGE: HandObject = { num: 3, value: '<</Type /Page /Parent 2 0 R /Contents 4 0 R>>' };
const CONTENT: HandObject = { num: 4, value: '<<>>', stream: '0 0 1 1 re f' };

test('a table of several subsections gives every object in use by number; free and missing numbers are not objects', () => {
  const note: HandObject = { num: 7, value: '(seven)' };
  const pdf = handMadePdf([CATALOG, PAGES, PAGE, CONTENT, { num: 5, free: true }, note], '/Size 8 /Root 1 0 R');
  assert.match(pdf.toString('latin1'), /\nxref\n0 6\n0000000000 65535 f \n(?:\d{10} 00000 n \n){4}0000000000 00001 f \n7 1\n/);
  const file = PdfFile.read(pdf)!;
  assert.equal(file.numbers(), [1, 2, 3, 4, 7]);
  assert.equal([file.has(5), file.has(6), file.has(7)], [false, false, true]);
  assert.equal(file.object(7), new PdfString('(seven)'));
  assert.equal(file.root, new PdfRef(1));
  assert.equal(file.pages(), { pages: [3], nodes: [2] });
});

test('an incremental update is followed through /Prev: its entries win, whether they rewrite, add or free an object', () => {
  const base = handMadePdf([CATALOG, PAGES, PAGE, CONTENT, { num: 5, value: '(old)' }, { num: 6, value: '(kept)' }], '/Size 7 /Root 1 0 R');
  const updated = withUpdate(base, [{ num: 5, value: '(new)' }, { num: 6, free: true }, { num: 8, value: '(added)' }], '/Size 9 /Root 1 0 R /Info 8 0 R');
  const file = PdfFile.read(updated)!;
  assert.equal(file.numbers(), [1, 2, 3, 4, 5, 8]);
  assert.equal(file.object(5), new PdfString('(new)'));
  assert.is(file.has(6), false);
  assert.equal(file.trailer.get('Info'), new PdfRef(8));
});

test('a file this does not read is refused, not misread: a cross-reference stream, a hybrid, encryption, a broken table, no startxref', () => {
  const xrefStream = '%PDF-1.7\n1 0 obj\n<</Type /XRef /Size 2 /W [1 2 1] /Root 1 0 R /Length 0>> stream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n';
  assert.is(PdfFile.read(Buffer.from(xrefStream, 'latin1')), undefined);
  assert.is(PdfFile.read(handMadePdf([CATALOG, PAGES, PAGE, CONTENT], '/Size 5 /Root 1 0 R /XRefStm 900')), undefined);
  assert.is(PdfFile.read(handMadePdf([CATALOG, PAGES, PAGE, CONTENT], '/Size 5 /Root 1 0 R /Encrypt 9 0 R')), undefined);
  const moved = handMadePdf([CATALOG, PAGES, PAGE, CONTENT], '/Size 5 /Root 1 0 R').toString('latin1').replace('\n3 0 obj', '\n9 0 obj');
  assert.is(PdfFile.read(Buffer.from(moved, 'latin1')), undefined);
  assert.is(PdfFile.read(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', 'latin1')), undefined);
  assert.is(PdfFile.read(handMadePdf([PAGES], '/Size 3')), undefined, 'no /Root');
});

test('an object is its value as parsed and the text it was written as, from its first token to its last', () => {
  const file = PdfFile.read(handMadePdf([CATALOG, PAGES, { ...PAGE, value: '<</Type /Page\n/Parent 2 0 R   % a comment\n/Contents 4 0 R>>' }, CONTENT], '/Size 5 /Root 1 0 R'))!;
  const page = file.get(3)!;
  assert.is(page.raw, '<</Type /Page\n/Parent 2 0 R   % a comment\n/Contents 4 0 R>>');
  assert.equal(
    page.value,
    new Map<string, PdfValue>([
      ['Type', new PdfName('Page')],
      ['Parent', new PdfRef(2)],
      ['Contents', new PdfRef(4)],
    ]),
  );
  assert.is(page.data, undefined);
});

test("a stream's data runs for its /Length, direct or indirect, even over the word endstream; a wrong /Length gives way to the keyword", () => {
  const file = PdfFile.read(
    handMadePdf(
      [
        CATALOG,
        PAGES,
        PAGE,
        { num: 4, value: '<</Filter /None>>', stream: 'a endstream b', length: '9 0 R' },
        { num: 5, value: '<<>>', stream: 'hello', length: '2' },
        { num: 6, value: '<<>>', stream: 'hello\r\nworld', length: '40' },
        { num: 9, value: '13' },
      ],
      '/Size 10 /Root 1 0 R',
    ),
  )!;
  assert.is(Buffer.from(file.data(4)!).toString('latin1'), 'a endstream b');
  assert.is(file.get(4)!.raw, '<</Filter /None\n/Length 9 0 R>>');
  assert.is(Buffer.from(file.data(5)!).toString('latin1'), 'hello');
  assert.is(Buffer.from(file.data(6)!).toString('latin1'), 'hello\r\nworld');
});

test('a page tree of several levels gives its pages in order and the nodes above them', () => {
  const file = PdfFile.read(
    handMadePdf(
      [
        CATALOG,
        { num: 2, value: '<</Type /Pages /Kids [5 0 R 3 0 R] /Count 3>>' },
        PAGE,
        { num: 5, value: '<</Type /Pages /Kids [6 0 R 7 0 R] /Parent 2 0 R /Count 2>>' },
        { num: 6, value: '<</Type /Page /Parent 5 0 R>>' },
        { num: 7, value: '<</Type /Page /Parent 5 0 R>>' },
      ],
      '/Size 8 /Root 1 0 R',
    ),
  )!;
  assert.equal(file.pages(), { pages: [6, 7, 3], nodes: [2, 5] });
});

test('a written file has a cross-reference table whose every offset is exact, free numbers chained from entry 0, and reads back', () => {
  const writer = new PdfWriter();
  const catalog = writer.allocate();
  const pages = writer.allocate();
  writer.copy(catalog, '<</Type /Catalog /Pages 2 0 R>>');
  writer.write(pages, new Map<string, PdfValue>([['Type', new PdfName('Pages')], ['Kids', []], ['Count', 0]]));
  writer.write(7, new Map([['Length', 5]]), Buffer.from('hello'));
  const bytes = writer.finish({ root: catalog });
  assert.equal(xrefErrors(bytes), []);
  const text = Buffer.from(bytes).toString('latin1');
  assert.ok(text.startsWith('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type /Pages\n/Kids []\n/Count 0>>\nendobj\n'));
  assert.match(text, /7 0 obj\n<<\/Length 5>>\nstream\nhello\nendstream\nendobj\n/);
  assert.match(text, /xref\n0 8\n0000000003 65535 f \n\d{10} 00000 n \n\d{10} 00000 n \n0000000004 00001 f \n0000000005 00001 f \n0000000006 00001 f \n0000000000 00001 f \n/);
  assert.match(text, /trailer\n<<\/Size 8 \/Root 1 0 R \/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]>>\nstartxref\n\d+\n%%EOF\n$/);
  const file = PdfFile.read(bytes)!;
  assert.equal(file.numbers(), [1, 2, 7]);
  assert.is(Buffer.from(file.data(7)!).toString(), 'hello');
  const again = new PdfWriter();
  again.copy(1, '<</Type /Catalog /Pages 3 0 R>>');
  const id = (pdf: Uint8Array) => /\/ID \[<([0-9A-F]{32})>/.exec(Buffer.from(pdf).toString('latin1'))?.[1];
  assert.is.not(id(again.finish({ root: 1 })), id(bytes), 'the /ID follows the content');
});

test.run();
