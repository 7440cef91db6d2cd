// Finishing a print (issue 3 item 7, issue 14, issue 17) on a page made by hand as Chromium writes
// it: the catalog, metadata and attachments PDF/UA-1 asks for, structure and links edited as
// values, untagged paint made artifacts, DOM-derived IDs numbered; no browser.
import { inflateSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DocumentAttachment, PdfMetadata, PdfWords } from '../../src/contracts/document.js';
import { finishPdf } from '../../src/pdf/finish-pdf.js';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { xrefErrors } from '../helpers/read-pdf.js';
import { chromiumPrint } from '../fixtures/pdf/tagged-documents.js';

const META: PdfMetadata = {
  title: 'Qiming brief',
  author: 'Research desk',
  subject: 'A test',
  keywords: ['talent', 'chips'],
  creator: 'briefing-press 0.1.0',
  producer: 'briefing-press 0.1.0',
  language: 'en-GB',
  date: new Date('2023-08-24T00:00:00Z'),
};
const WORDS: PdfWords = { noteLink: 'Note {number}', placeLink: 'Go to {place}', pageLink: 'Another page', link: 'Link' };
const FACTS: DocumentAttachment = { name: 'facts.json', mimeType: 'application/json', description: 'The claims', relationship: 'Data', content: '{"claims": []}\n' };

/** The print finished, and each of its objects as written. */
async function finished(print = chromiumPrint()) {
  const { bytes, pages } = await finishPdf(print, { metadata: META, attachments: [FACTS], pdfWords: WORDS });
  const file = PdfFile.read(bytes)!;
  return { bytes, pages, file, raw: (num: number) => file.get(num)?.raw };
}

test('the catalog gets its language, marked content, the title shown, outlines, XMP metadata and the attached file', async () => {
  const { raw, pages, bytes } = await finished();
  assert.is(pages, 1);
  assert.is(
    raw(8),
    '<</Type /Catalog\n/Pages 7 0 R\n/MarkInfo <</Marked true>>\n/StructTreeRoot 9 0 R\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>\n/Lang (en-GB)\n/PageMode /UseOutlines\n/Metadata 22 0 R\n/Names <</EmbeddedFiles <</Names [(facts.json) 24 0 R]>>>>\n/AF [24 0 R]>>',
  );
  assert.equal(xrefErrors(bytes), []);
});

test('the XMP packet says PDF/UA-1 and repeats the document information, whose dates are the document\'s, not the print\'s', async () => {
  const { raw, file } = await finished();
  assert.match(raw(22)!, /^<<\/Type \/Metadata\n\/Subtype \/XML\n\/Length \d+>>$/);
  const xmp = Buffer.from(file.data(22)!).toString('utf8');
  assert.match(xmp, '\n   <pdfuaid:part>1</pdfuaid:part>\n');
  assert.match(xmp, '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Qiming brief</rdf:li></rdf:Alt></dc:title>');
  assert.match(xmp, '<xmp:CreateDate>2023-08-24T00:00:00Z</xmp:CreateDate>');
  assert.is(
    raw(1),
    "<</Title (Qiming brief)\n/Author (Research desk)\n/Subject (A test)\n/Keywords (talent, chips)\n/Creator (briefing-press 0.1.0)\n/Producer (briefing-press 0.1.0)\n/CreationDate (D:20230824000000+00'00')\n/ModDate (D:20230824000000+00'00')>>",
  );
});

test('the attached file is an embedded file stream with its size and checksum, under a file specification', async () => {
  const { raw, file } = await finished();
  assert.match(raw(23)!, /^<<\/Type \/EmbeddedFile\n\/Subtype \/application#2Fjson\n\/Params <<\/Size 15 \/ModDate \(D:20230824000000\+00'00'\) \/CheckSum <B4F72A664AB2958DF346C92B001FF1BF>>>\n\/Filter \/FlateDecode\n\/Length \d+>>$/);
  assert.is(inflateSync(file.data(23)!).toString('utf8'), '{"claims": []}\n');
  assert.is(raw(24), '<</Type /Filespec\n/F (facts.json)\n/UF (facts.json)\n/Desc (The claims)\n/AFRelationship /Data\n/EF <</F 23 0 R /UF 23 0 R>>>>');
});

test('a language change Chromium tags NonStruct with /Lang becomes a Span; a NonStruct without one stays as written', async () => {
  const { raw } = await finished();
  assert.is(raw(12), '<</Type /StructElem\n/S /Span\n/Lang (zh)\n/P 10 0 R\n/K 16 0 R>>');
  assert.is(raw(16), '<</Type /StructElem\n/S /NonStruct\n/P 12 0 R\n/Pg 2 0 R\n/K 1>>');
});

test('each link is described in the words given: a note by its number, a web link by its address, a page link', async () => {
  const { raw } = await finished();
  // Chromium's six-decimal coordinate is written with five, as the tool always has.
  assert.is(raw(4), '<</Type /Annot\n/Subtype /Link\n/F 4\n/Rect [152.25 343.91998 155.25 351.41998]\n/Dest /note-3\n/StructParent 1\n/Contents (Note 3)>>');
  assert.is(raw(5), '<</Type /Annot\n/Subtype /Link\n/F 4\n/Rect [1 2 3 4]\n/A <</Type /Action\n/S /URI\n/URI (https://example.org/)>>\n/StructParent 2\n/Contents (https://example.org/)>>');
  assert.is(raw(6), '<</Type /Annot\n/Subtype /Link\n/F 4\n/Rect [1 2 3 4]\n/Dest [2 0 R /XYZ 0 842 0]\n/Contents (Another page)>>');
});

test('untagged paint (a running head, a rule) is wrapped as an artifact; the tagged paragraph is left as it was', async () => {
  const { raw, file } = await finished();
  assert.match(raw(3)!, /^<<\/Filter \/FlateDecode\n\/Length \d+>>$/);
  assert.is(
    inflateSync(file.data(3)!).toString('latin1'),
    ['q', '/Artifact BMC', 'BT', '/F1 10 Tf', '(Running head) Tj', 'ET', 'EMC', '/P <</MCID 0 >>BDC', 'BT', '(Body \\(with EMC\\)) Tj', 'ET', 'EMC', '/Artifact BMC', '0 0 100 1 re', 'f', 'EMC', 'Q'].join('\n'),
  );
});

test("Chromium's DOM-numbered IDs are numbered in order of the structure tree, in /ID, /Headers and the ID tree, not in other strings", async () => {
  const { raw } = await finished();
  assert.is(raw(13), '<</Type /StructElem\n/S /TH\n/P 10 0 R\n/K []\n/A [<</O /Table\n/Scope /Row>>]\n/ID (node00000001)>>');
  assert.is(raw(14), '<</Type /StructElem\n/S /TD\n/P 10 0 R\n/K []\n/A [<</O /Table\n/Headers [(node00000001) (node00000002)]>>]\n/ID (node00000002)>>');
  assert.is(raw(21), '<</Limits [(node00000002) (node00000001)]\n/Names [(node00000002) 14 0 R (node00000001) 13 0 R]>>');
  assert.is(raw(15), '<</Type /StructElem\n/S /Figure\n/P 10 0 R\n/K []\n/Alt (node00003297)>>');
});

test('objects no edit changes are copied as Chromium wrote them', async () => {
  const { raw } = await finished();
  assert.is(raw(2), '<</Type /Page\n/Resources <<>>\n/MediaBox [0 0 595 842]\n/Contents 3 0 R\n/StructParents 0\n/Annots [4 0 R 5 0 R 6 0 R]\n/Parent 7 0 R>>');
  assert.is(raw(20), '<</Nums [0 [11 0 R 16 0 R]\n1 4 0 R\n2 5 0 R]>>');
});

test('the same document printed at another time, after other pages gave its nodes other numbers, comes out byte for byte the same', async () => {
  const first = await finished(chromiumPrint());
  const again = await finished(chromiumPrint());
  const later = await finished(chromiumPrint({ nodes: ['00002170', '00002165'], printed: '20270102030405' }));
  assert.ok(Buffer.from(first.bytes).equals(Buffer.from(again.bytes)));
  assert.ok(Buffer.from(first.bytes).equals(Buffer.from(later.bytes)));
});

test.run();
