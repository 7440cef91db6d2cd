// A CIDFont's widths and ToUnicode map as the pack merges them (issue 19): read from what Skia
// writes, written back as one map.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readToUnicode, readWidths, writeToUnicode, writeWidths } from '../../src/pdf/font-maps.js';
import { PdfRef } from '../../src/pdf/pdf-objects.js';

const SKIA_CMAP = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<<  /Registry (Adobe)
/Ordering (UCS)
/Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0003> <0020>
<00EC> <00660069>
endbfchar
1 beginbfrange
<0044> <0046> <0061>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;

test("a ToUnicode map reads each glyph's text from bfchar and bfrange, a ligature as its two letters", () => {
  const map = readToUnicode(Buffer.from(SKIA_CMAP, 'latin1'))!;
  assert.equal([...map].sort((a, b) => a[0] - b[0]), [
    [3, '0020'],
    [0x44, '0061'],
    [0x45, '0062'],
    [0x46, '0063'],
    [0xec, '00660069'],
  ]);
});

test('a merged ToUnicode map is written as bfchar entries that read back the same', () => {
  const map = new Map([[0xec, '00660069'], [3, '0020'], [0x44, '0061']]);
  const written = Buffer.from(writeToUnicode(map)).toString('latin1');
  assert.ok(written.includes('3 beginbfchar\n<0003> <0020>\n<0044> <0061>\n<00EC> <00660069>\nendbfchar'), written);
  assert.equal(readToUnicode(writeToUnicode(map)), new Map([[3, '0020'], [0x44, '0061'], [0xec, '00660069']]));
});

test('widths read from both forms of a /W array, and are written back as runs of consecutive glyphs', () => {
  const widths = readWidths([0, [600, 0, 0, 260], 10, 12, 300, 68, [561]]);
  assert.equal([...widths], [[0, 600], [1, 0], [2, 0], [3, 260], [10, 300], [11, 300], [12, 300], [68, 561]]);
  assert.equal(writeWidths(new Map([[68, 561], [3, 260], [4, 572], [0, 600]])), [0, [600], 3, [260, 572], 68, [561]]);
});

test('a /W range is held to the 65,536 CIDs a font can have, and an inner array given by reference is read through `resolve`', () => {
  const widths = readWidths([0, 4294967295, 500]);
  assert.is(widths.size, 65536);
  assert.is(widths.get(65535), 500);
  assert.is(widths.get(65536), undefined);
  const inner = [600, 700];
  const resolved = readWidths([3, new PdfRef(7)], (value) => (value instanceof PdfRef && value.num === 7 ? inner : value));
  assert.equal([...resolved], [[3, 600], [4, 700]]);
});

test.run();
