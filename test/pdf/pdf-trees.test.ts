// Number trees, name trees and the outline (issue 17): written by the tool, read back by it, with
// the split into leaves of 512 entries that large packs need. No browser.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { PdfName, PdfRef, PdfString, type PdfValue } from '../../src/pdf/pdf-objects.js';
import { readOutlineItems, writeOutlineItems } from '../../src/pdf/pdf-outline.js';
import { readNameTree, readNumberTree, writeNameTree, writeNumberTree } from '../../src/pdf/pdf-trees.js';
import { PdfWriter } from '../../src/pdf/pdf-writer.js';

/** The writer's objects as a file, the tree's root set as the catalog's /Tree. */
function fileWith(write: (writer: PdfWriter) => number): PdfFile {
  const writer = new PdfWriter();
  const catalog = writer.allocate();
  const root = write(writer);
  writer.write(catalog, new Map<string, PdfValue>([['Type', new PdfName('Catalog')], ['Tree', new PdfRef(root)]]));
  return PdfFile.read(writer.finish({ root: catalog }))!;
}

test('a small number tree is one node, its entries sorted by key, and reads back', () => {
  const file = fileWith((w) => writeNumberTree(w, [[5, new PdfRef(50)], [0, [new PdfRef(10), new PdfRef(11)]], [2, new PdfRef(20)]]));
  const root = file.catalog.get('Tree') as PdfRef;
  assert.is(file.get(root.num)!.raw, '<</Nums [0 [10 0 R 11 0 R] 2 20 0 R 5 50 0 R]>>');
  const tree = readNumberTree(file, root);
  assert.equal(tree.entries, [[0, [new PdfRef(10), new PdfRef(11)]], [2, new PdfRef(20)], [5, new PdfRef(50)]]);
  assert.equal(tree.nodes, [root.num]);
});

test('a number tree of more than 512 entries is split into leaves of 512 with exact /Limits, and reads back whole and in order', () => {
  const entries: Array<[number, PdfValue]> = Array.from({ length: 1100 }, (_, i) => [1099 - i, new PdfRef(2000 + 1099 - i)]);
  const file = fileWith((w) => writeNumberTree(w, entries));
  const root = file.catalog.get('Tree') as PdfRef;
  assert.is(file.get(root.num)!.raw, '<</Kids [2 0 R 3 0 R 4 0 R]>>');
  assert.equal(
    [2, 3, 4].map((num) => /^<<\/Limits \[\d+ \d+\] \/Nums \[\d+ \d+ 0 R/.exec(file.get(num)!.raw)?.[0]),
    ['<</Limits [0 511] /Nums [0 2000 0 R', '<</Limits [512 1023] /Nums [512 2512 0 R', '<</Limits [1024 1099] /Nums [1024 3024 0 R'],
  );
  const tree = readNumberTree(file, root);
  assert.equal(
    tree.entries.map(([key]) => key),
    Array.from({ length: 1100 }, (_, i) => i),
  );
  assert.equal(tree.entries[1099], [1099, new PdfRef(3099)]);
  assert.equal(tree.nodes, [5, 2, 3, 4]);
});

test('a name tree is sorted by the text of its keys, whatever their encoding, and split with string /Limits', () => {
  const keys = Array.from({ length: 600 }, (_, i) => `k${String(599 - i).padStart(4, '0')}`);
  const entries: Array<[PdfString, PdfValue]> = keys.map((key, i) => [new PdfString(`(${key})`), i]);
  entries.push([new PdfString('<FEFF006B0030>'), -1]);
  const file = fileWith((w) => writeNameTree(w, entries));
  const root = file.catalog.get('Tree') as PdfRef;
  assert.is(file.get(root.num)!.raw, '<</Kids [2 0 R 3 0 R]>>');
  assert.ok(file.get(2)!.raw.startsWith('<</Limits [<FEFF006B0030> (k0510)] /Names [<FEFF006B0030> -1 (k0000) 599 (k0001) 598 '));
  assert.ok(file.get(3)!.raw.startsWith('<</Limits [(k0511) (k0599)] /Names [(k0511) 88 '));
  const tree = readNameTree(file, root);
  assert.is(tree.entries.length, 601);
  assert.equal(tree.entries.slice(0, 2), [
    [new PdfString('<FEFF006B0030>'), -1],
    [new PdfString('(k0000)'), 599],
  ]);
  assert.equal(tree.entries.at(-1), [new PdfString('(k0599)'), 0]);
});

test('the outline is written with /Prev, /Next, /First, /Last and a negative /Count for a closed item, and reads back', () => {
  const dest = (page: number): PdfValue => [new PdfRef(page), new PdfName('XYZ'), null, null, null];
  const items = [
    { title: new PdfString('(Contents)'), dest: dest(40), closed: true, children: [] },
    {
      title: new PdfString('(Alpha)'),
      dest: dest(41),
      se: new PdfRef(90),
      closed: true,
      children: [
        { title: new PdfString('(One)'), dest: dest(41), closed: true, children: [] },
        { title: new PdfString('(Two)'), dest: dest(42), closed: true, children: [] },
      ],
    },
  ];
  const writer = new PdfWriter();
  const catalog = writer.allocate();
  const outlines = writeOutlineItems(writer, items);
  writer.write(catalog, new Map<string, PdfValue>([['Type', new PdfName('Catalog')], ['Outlines', new PdfRef(outlines)]]));
  const file = PdfFile.read(writer.finish({ root: catalog }))!;
  assert.is(file.get(outlines)!.raw, '<</Type /Outlines\n/First 3 0 R\n/Last 4 0 R\n/Count 2>>');
  assert.is(file.get(4)!.raw, '<</Title (Alpha)\n/Parent 2 0 R\n/Prev 3 0 R\n/Dest [41 0 R /XYZ null null null]\n/SE 90 0 R\n/First 5 0 R\n/Last 6 0 R\n/Count -2>>');
  assert.is(file.get(6)!.raw, '<</Title (Two)\n/Parent 4 0 R\n/Prev 5 0 R\n/Dest [42 0 R /XYZ null null null]>>');
  const read = readOutlineItems(file, (d) => d);
  assert.equal(read.items, items);
  assert.equal(read.nodes, [2, 3, 4, 5, 6]);
});

test.run();
