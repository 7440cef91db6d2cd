// Files a PDF carries (issue 14, issue 17): each an embedded file stream with the size and MD5
// checksum of its bytes, under a file specification; listed by name in /Names /EmbeddedFiles and
// in /AF. No browser.
import { inflateSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { embeddedFilesEntries, writeAttachments } from '../../src/pdf/embedded-files.js';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { PdfName, PdfRef, PdfString } from '../../src/pdf/pdf-objects.js';
import { writeValue } from '../../src/pdf/pdf-serialiser.js';
import { PdfWriter } from '../../src/pdf/pdf-writer.js';

const DATE = new Date('2023-08-24T00:00:00Z');

function written() {
  const writer = new PdfWriter();
  const catalog = writer.allocate();
  const files = writeAttachments(
    writer,
    [
      { name: 'sources.csv', mimeType: 'text/csv', description: 'Sources', relationship: 'Source', content: 'a,b\n' },
      { name: 'facts.json', mimeType: 'application/json', description: 'Claims (all)', relationship: 'Data', content: 'é\n' },
    ],
    DATE,
  );
  writer.write(catalog, new Map([['Type', new PdfName('Catalog')]]));
  return { files, file: PdfFile.read(writer.finish({ root: catalog }))! };
}

test('each file is a stream of its deflated bytes whose /Params give the size and MD5 of the bytes themselves', () => {
  const { file } = written();
  // Sorted by name: facts.json is written first, as objects 2 and 3.
  assert.match(file.get(2)!.raw, /^<<\/Type \/EmbeddedFile\n\/Subtype \/application#2Fjson\n\/Params <<\/Size 3 \/ModDate \(D:20230824000000\+00'00'\) \/CheckSum <88DF14E6957D2ADB8AE54D0269F546AB>>>\n\/Filter \/FlateDecode\n\/Length \d+>>$/);
  assert.is(inflateSync(file.data(2)!).toString('utf8'), 'é\n');
  assert.match(file.get(4)!.raw, /^<<\/Type \/EmbeddedFile\n\/Subtype \/text#2Fcsv\n\/Params <<\/Size 4 \/ModDate \(D:20230824000000\+00'00'\) \/CheckSum <F69F5B72BC79A92DC70C63C9AA142E36>>>/);
});

test('each file specification names the file for readers, says what it is and how it relates, and points at its stream', () => {
  const { file, files } = written();
  assert.equal(files, [
    { name: 'facts.json', filespec: 3 },
    { name: 'sources.csv', filespec: 5 },
  ]);
  assert.is(file.get(3)!.raw, '<</Type /Filespec\n/F (facts.json)\n/UF (facts.json)\n/Desc (Claims \\(all\\))\n/AFRelationship /Data\n/EF <</F 2 0 R /UF 2 0 R>>>>');
  assert.is(file.get(5)!.raw, '<</Type /Filespec\n/F (sources.csv)\n/UF (sources.csv)\n/Desc (Sources)\n/AFRelationship /Source\n/EF <</F 4 0 R /UF 4 0 R>>>>');
});

test("the catalog's /Names /EmbeddedFiles and /AF list the files by name", () => {
  const { names, af } = embeddedFilesEntries([
    { name: 'sources.csv', filespec: 5 },
    { name: 'facts.json', filespec: 3 },
  ]);
  assert.is(writeValue(names), '<</Names [(facts.json) 3 0 R (sources.csv) 5 0 R]>>');
  assert.equal(af, [new PdfRef(3), new PdfRef(5)]);
  assert.equal((names.get('Names') as unknown[])[0], new PdfString('(facts.json)'));
});

test.run();
