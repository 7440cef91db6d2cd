// One document copied into a pack (issue 14, issue 17), on a tagged PDF made by hand: references
// renumbered, parent-tree keys moved up, IDs renamed apart where they are IDs, the top element made
// the part's Part, named destinations made explicit, and nothing inside a string touched.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PackFonts } from '../../src/pdf/pack-fonts.js';
import { StampTargets } from '../../src/pdf/pack-stamps.js';
import { copyPart, type PackTargets } from '../../src/pdf/pack-part.js';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { PdfName, PdfRef, PdfString } from '../../src/pdf/pdf-objects.js';
import { PdfWriter } from '../../src/pdf/pdf-writer.js';
import { handMadePdf } from '../fixtures/pdf/hand-made-pdf.js';
import { taggedDocument } from '../fixtures/pdf/tagged-documents.js';

/** The document copied as the second part of a pack whose parts before it took 10 parent-tree keys. */
function copied(pdf: Buffer) {
  const writer = new PdfWriter();
  const targets: PackTargets = { pagesRoot: writer.allocate(), document: writer.allocate(), fonts: new PackFonts(writer), stamps: new StampTargets(() => writer.allocate()) };
  const part = copyPart(PdfFile.read(pdf)!, writer, targets, 10, { index: 2, label: 'programmes/alpha/brief', title: 'Alpha brief' });
  const file = PdfFile.read(writer.finish({ root: targets.document }))!;
  return { part, raw: (num: number) => file.get(num)?.raw };
}

test('every reference is renumbered into the pack: pages point at its page tree, elements at its Document', () => {
  const { part, raw } = copied(taggedDocument());
  // Objects 3, 4, 5 keep their numbers after the pack's own 1 and 2; the elements 11-15 become 6-10.
  assert.is(raw(3), '<</Type /Page\n/Parent 1 0 R\n/MediaBox [0 0 595 842]\n/Contents 4 0 R\n/Annots [5 0 R]\n/StructParents 10>>');
  assert.is(raw(10), '<</Type /StructElem\n/S /Link\n/P 6 0 R\n/Pg 3 0 R\n/K <</Type /OBJR\n/Obj 5 0 R>>>>');
  assert.equal(part.pages, [3]);
});

test('a string holding "/StructParent 5", "3 0 R", "(node0001)" or "/S /Document" is copied as it was', () => {
  const { raw } = copied(taggedDocument());
  assert.is(raw(7), '<</Type /StructElem\n/S /P\n/P 6 0 R\n/Pg 3 0 R\n/K 0\n/Alt (/StructParent 5 and 3 0 R and \\(node0001\\) and /S /Document)>>');
});

test('structure IDs are renamed apart in /ID, in table /Headers and in the ID tree only; a title or alternative text that reads like one is not', () => {
  const { part, raw } = copied(taggedDocument());
  assert.is(raw(8), '<</Type /StructElem\n/S /TH\n/P 6 0 R\n/K []\n/ID (p2-node0001)\n/T (node0001)>>');
  assert.is(raw(9), '<</Type /StructElem\n/S /TD\n/P 6 0 R\n/K []\n/A [<</O /Table\n/Headers [(p2-node0001)]>> <</O /Layout\n/Placement /Block>>]\n/Alt (node0001)>>');
  assert.equal(part.ids, [[new PdfString('(p2-node0001)'), new PdfRef(8)]]);
});

test('parent-tree keys move up by the keys of the parts before: /StructParent(s) entries and the tree itself', () => {
  const { part, raw } = copied(taggedDocument());
  assert.is(raw(5), '<</Type /Annot\n/Subtype /Link\n/Rect [10 10 20 20]\n/Dest [3 0 R /XYZ 0 700 0]\n/StructParent 11\n/Contents (Note 1)>>');
  assert.equal(part.parentTree, [
    [10, [new PdfRef(7)]],
    [11, new PdfRef(10)],
  ]);
  assert.is(part.nextKey, 12);
});

test("the top Document element becomes the part's Part, with its title and its files set as entries", () => {
  const { part, raw } = copied(taggedDocument());
  assert.is(part.part, 6);
  assert.is(raw(6), '<</Type /StructElem\n/S /Part\n/P 2 0 R\n/K [7 0 R 8 0 R 9 0 R 10 0 R]\n/T (Alpha brief)\n/AF [12 0 R]>>');
  assert.equal(part.files, [{ name: 'facts.json', description: 'Claims', relationship: 'Data', stream: 11, filespec: 12 }]);
  assert.equal(part.roleMap, new Map([['Chart', new PdfName('Figure')]]));
});

test('a part whose structure has no Document on top gets a new Part element over its top elements', () => {
  const { part, raw } = copied(taggedDocument({ topKids: '[12 0 R 13 0 R]' }));
  // 11 is no longer reached from the root, but it is still an object of the file: it is copied.
  assert.is(part.part, 12);
  assert.is(raw(12), '<</Type /StructElem\n/S /Part\n/P 2 0 R\n/K [7 0 R 8 0 R]\n/T (Alpha brief)\n/AF [13 0 R]>>');
});

test('named destinations become explicit ones, in links and bookmarks, and the named trees are left behind', () => {
  const { part, raw } = copied(taggedDocument());
  assert.equal(part.outline, [{ title: new PdfString('(Notes)'), dest: [new PdfRef(3), new PdfName('XYZ'), 0, 700, 0], closed: true, children: [] }]);
  assert.ok(raw(5)!.includes('/Dest [3 0 R /XYZ 0 700 0]'));
});

test('what no edit changes is copied as it was written: page content, the embedded file with its parameters', () => {
  const { raw } = copied(taggedDocument());
  assert.is(raw(4), '<<\n/Length 35>>');
  assert.is(raw(11), '<</Type /EmbeddedFile /Subtype /application#2Fjson /Params <</Size 2 /CheckSum <99914B932BD37A50B983C5E7C90AE93B>>>\n/Length 2>>');
  // The catalog, page-tree node, trees, outline, metadata, file specification and info are the pack's to write.
  assert.equal([13, 14, 15].map(raw), [undefined, undefined, undefined]);
});

test('a document without a structure tree, or referring to an object it does not hold, stops the pack with its name', () => {
  const untagged = handMadePdf(
    [
      { num: 1, value: '<</Type /Catalog /Pages 2 0 R>>' },
      { num: 2, value: '<</Type /Pages /Kids [3 0 R] /Count 1>>' },
      { num: 3, value: '<</Type /Page /Parent 2 0 R>>' },
    ],
    '/Size 4 /Root 1 0 R',
  );
  assert.throws(() => copied(untagged), /^programmes\/alpha\/brief: the PDF has no structure tree; run with --force$/);
  const dangling = Buffer.from(taggedDocument().toString('latin1').replace('/Pg 3 0 R /K 0', '/Pg 9 0 R /K 0'), 'latin1');
  assert.throws(() => copied(dangling), /^programmes\/alpha\/brief: object 9 is referred to but not in the file; run with --force$/);
});

test.run();
