// A pack assembled from documents made by hand (issue 14, issue 17): its page tree, its Document
// over each document's Part, its trees, bookmarks and attached files, written by the tool and read
// back object by object; no browser.
import { PDFDocument } from 'pdf-lib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PdfMetadata } from '../../src/contracts/document.js';
import { PackAssembler } from '../../src/pdf/pack-assembler.js';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { xrefErrors } from '../helpers/read-pdf.js';
import { frontMatter, taggedDocument } from '../fixtures/pdf/tagged-documents.js';

const META: PdfMetadata = {
  title: 'Briefing pack',
  author: 'Research desk',
  subject: '2 documents',
  keywords: ['test'],
  creator: 'briefing-press 0.1.0',
  producer: 'briefing-press 0.1.0',
  language: 'en-GB',
  date: new Date('2023-08-24T00:00:00Z'),
};

/** Two one-page documents after a front matter of two pages. */
async function pack() {
  const assembler = new PackAssembler();
  for (const key of ['programmes/alpha/brief', 'topics/beta/brief']) {
    assembler.add({ key, title: `Title of ${key}`, kind: 'programme', pages: 1, read: async () => taggedDocument() });
  }
  const assembled = await assembler.finish({ bytes: frontMatter(), pages: 2 }, META, { contents: 'Contents' });
  const file = PdfFile.read(assembled.bytes)!;
  return { ...assembled, raw: (num: number) => file.get(num)?.raw };
}

test('the front matter comes first, then each document; every page is in the one page tree', async () => {
  const { pages, frontPages, startPages, raw, bytes } = await pack();
  assert.equal([pages, frontPages, [...startPages]], [4, 2, [['programmes/alpha/brief', 3], ['topics/beta/brief', 4]]]);
  assert.is(raw(1), '<</Type /Pages\n/Kids [23 0 R 24 0 R 3 0 R 13 0 R]\n/Count 4>>');
  assert.equal(xrefErrors(bytes), []);
  assert.is((await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount(), 4);
});

test("the pack's Document holds each document's Part; the parent tree and ID tree join the parts', keys apart", async () => {
  const { raw } = await pack();
  assert.is(raw(2), '<</Type /StructElem\n/S /Document\n/Lang (en-GB)\n/P 26 0 R\n/K [25 0 R 6 0 R 16 0 R]>>');
  assert.is(raw(6), '<</Type /StructElem\n/S /Part\n/P 2 0 R\n/K [7 0 R 8 0 R 9 0 R 10 0 R]\n/T (Title of programmes/alpha/brief)\n/AF [12 0 R]>>');
  assert.is(raw(26), '<</Type /StructTreeRoot\n/K 2 0 R\n/ParentTree 27 0 R\n/ParentTreeNextKey 4\n/IDTree 28 0 R\n/RoleMap <</Chart /Figure>>>>');
  assert.is(raw(27), '<</Nums [0 [7 0 R] 1 10 0 R 2 [17 0 R] 3 20 0 R]>>');
  assert.is(raw(28), '<</Names [(p1-node0001) 8 0 R (p2-node0001) 18 0 R]>>');
  assert.is(raw(15), '<</Type /Annot\n/Subtype /Link\n/Rect [10 10 20 20]\n/Dest [13 0 R /XYZ 0 700 0]\n/StructParent 3\n/Contents (Note 1)>>');
});

test("bookmarks: the contents page, then each document on its first page, closed, with its own bookmarks below", async () => {
  const { raw } = await pack();
  assert.is(raw(29), '<</Type /Outlines\n/First 30 0 R\n/Last 32 0 R\n/Count 3>>');
  // Each top bookmark shows its whole first page (/Fit, issue 19), not whatever zoom the reader had.
  assert.is(raw(30), '<</Title (Contents)\n/Parent 29 0 R\n/Next 31 0 R\n/Dest [24 0 R /Fit]>>');
  assert.is(raw(31), '<</Title (Title of programmes/alpha/brief)\n/Parent 29 0 R\n/Prev 30 0 R\n/Next 32 0 R\n/Dest [3 0 R /Fit]\n/SE 6 0 R\n/First 33 0 R\n/Last 33 0 R\n/Count -1>>');
  assert.is(raw(34), '<</Title (Notes)\n/Parent 32 0 R\n/Dest [13 0 R /XYZ 0 700 0]>>');
});

test("each document's attached file comes along under the document's name, listed in /Names and /AF", async () => {
  const { raw } = await pack();
  assert.is(raw(12), '<</Type /Filespec\n/F (programmes-alpha-brief-facts.json)\n/UF (programmes-alpha-brief-facts.json)\n/Desc (Claims)\n/AFRelationship /Data\n/EF <</F 11 0 R /UF 11 0 R>>>>');
  assert.is(raw(35), '<</Names [(programmes-alpha-brief-facts.json) 12 0 R (topics-beta-brief-facts.json) 22 0 R]>>');
  assert.is(
    raw(38),
    '<</Type /Catalog\n/Pages 1 0 R\n/StructTreeRoot 26 0 R\n/MarkInfo <</Marked true>>\n/Lang (en-GB)\n/ViewerPreferences <</DisplayDocTitle true>>\n/PageMode /UseOutlines\n/PageLabels <</Nums [0 <</S /D>>]>>\n/Outlines 29 0 R\n/Metadata 36 0 R\n/Names <</EmbeddedFiles 35 0 R>>\n/AF [12 0 R 22 0 R]>>',
  );
});

test('the same parts give the same bytes', async () => {
  assert.ok(Buffer.from((await pack()).bytes).equals(Buffer.from((await pack()).bytes)));
});

test.run();
