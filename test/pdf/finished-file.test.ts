// The finished PDF as objects (issue 21): what finishPdf hands the proof beside the bytes holds,
// object for object, what the finished file holds when its bytes are read back: the content
// finishing re-marked, the list items it gave a body, the table header it made an artifact.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { finishPdf, PdfFile } from '../../src/pdf/index.js';
import { writeValue } from '../../src/pdf/pdf-serialiser.js';
import { openPrinter, testDocument, testSkeleton } from '../helpers/skeleton-fixture.js';

const ROWS = Array.from({ length: 70 }, (_, i) => `<tr><td>Row ${i + 1}</td><td>${(i + 1) * 10} thousand</td></tr>`).join('');
const BODY = `<main>
<h1 style="width: 9em">Programmes run by Chinese chip companies</h1>
<p style="width: 14em">Recruiters for state-backed programmes take an approach to engineers that offers housing.</p>
<p lang="zh">启明计划是工业和信息化部主管的海外人才引进项目</p>
<ul><li>A plain item</li><li>An item with <a href="#end">a link</a> inside</li></ul>
<ul style="list-style: square inside"><li>An item with its marker inside</li></ul>
<table><thead><tr><th scope="col">Programme</th><th scope="col">Amount</th></tr></thead><tbody>${ROWS}</tbody></table>
<p id="end">The end.</p>
</main>`;

test('the finished objects are the objects of the finished bytes, read back, and their pages', async () => {
  const open = await openPrinter(testSkeleton(), { concurrency: 1 });
  try {
    const doc = testDocument('programmes/qiming/brief', BODY);
    const finished = await finishPdf((await open.raw.print(doc)).bytes, doc);
    const read = PdfFile.read(finished.bytes)!;
    assert.is(finished.pages, 3);
    assert.equal(finished.file.pages(), read.pages());
    assert.equal(writeValue(finished.file.catalog), writeValue(read.catalog));
    const differing: number[] = [];
    for (const num of read.numbers()) {
      const mine = finished.file.get(num);
      const theirs = read.get(num)!;
      const same = mine !== undefined && writeValue(mine.value) === writeValue(theirs.value) && Buffer.compare(Buffer.from(mine.data ?? []), Buffer.from(theirs.data ?? [])) === 0;
      if (!same) differing.push(num);
    }
    assert.equal(differing, []);
  } finally {
    await open.close();
  }
});

test.run();
