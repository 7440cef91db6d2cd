// The content edits of issue 19 on hand-made page content: a space shown at a soft line wrap, a
// repeated header re-marked as an artifact, and a ToUnicode CMap read as its codes' text.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { remarkAsArtifacts } from '../../src/pdf/mark-artifacts.js';
import { readToUnicode } from '../../src/pdf/text-lexer.js';
import { insertWordBreaks, type FontText } from '../../src/pdf/word-breaks.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const text = (data: Uint8Array | undefined) => Buffer.from(data ?? []).toString('latin1');

/** A font of two-byte codes: a=0x44, n=0x51, p=0x53, space=0x03, hyphen=0x10, 启=0x0100, 明=0x0101. */
const FONT: FontText = {
  codeBytes: 2,
  unicode: new Map([
    [0x44, 'a'],
    [0x51, 'n'],
    [0x53, 'p'],
    [0x03, ' '],
    [0x10, '-'],
    [0x100, '启'],
    [0x101, '明'],
  ]),
  space: 0x03,
};
const FONTS = new Map([['F5', FONT]]);

/** Two lines of one tagged sequence, each a text object as Chromium writes it. */
const twoLines = (first: string, second: string, y2 = 158) =>
  `/P <</MCID 0 >>BDC\nBT\n/F5 14.66 Tf\n1 0 0 -1 0 137 Tm\n${first}\nET\nBT\n/F5 14.66 Tf\n1 0 0 -1 0 ${y2} Tm\n${second}\nET\nEMC\n`;

test('a line that wraps between two words ends with a space glyph shown before its ET', () => {
  const content = twoLines('<0044> Tj\n9 0 Td <0051> Tj', '<0044> Tj\n8 0 Td <0053> Tj');
  const broken = insertWordBreaks(bytes(content), FONTS, () => undefined);
  assert.is(text(broken?.content), twoLines('<0044> Tj\n9 0 Td <0051> Tj\n<0003> Tj', '<0044> Tj\n8 0 Td <0053> Tj'));
  assert.equal(broken?.pairs, [['an', 'ap']]);
});

test('no space where the line ends with a hyphen or a space, between Chinese characters, or where the next text is on the same line', () => {
  for (const content of [
    twoLines('<0044> Tj\n9 0 Td <0010> Tj', '<0053> Tj'),
    twoLines('<0044> Tj\n9 0 Td <0003> Tj', '<0053> Tj'),
    twoLines('<0100> Tj', '<0101> Tj'),
    twoLines('<0044> Tj', '<0053> Tj', 137),
  ]) {
    assert.is(text(insertWordBreaks(bytes(content), FONTS, () => undefined)?.content), content);
  }
});

test('a wrap between two tagged sequences takes a space only where both are in the same paragraph', () => {
  const content = '/Span <</MCID 0 >>BDC\nBT\n/F5 14.66 Tf\n1 0 0 -1 80 137 Tm\n<0044> Tj\nET\nEMC\n/Span <</MCID 1 >>BDC\nBT\n/F5 14.66 Tf\n1 0 0 -1 0 158 Tm\n<0053> Tj\nET\nEMC\n';
  assert.is(text(insertWordBreaks(bytes(content), FONTS, () => undefined)?.content), content);
  assert.is(text(insertWordBreaks(bytes(content), FONTS, () => 7)?.content), content.replace('<0044> Tj\nET', '<0044> Tj\n<0003> Tj\nET'));
});

test('an artifact (a running header) gets no word break', () => {
  const content = `/Artifact BMC\n${twoLines('<0044> Tj', '<0053> Tj').replace('/P <</MCID 0 >>BDC\n', '').replace('EMC\n', '')}EMC\n`;
  assert.is(text(insertWordBreaks(bytes(content), FONTS, () => undefined)?.content), content);
});

test('the tagged sequences of a repeated header are marked pagination artifacts; the others stay as they are', () => {
  const content = '/NonStruct <</MCID 0 >>BDC\nBT (Programme) Tj ET\nEMC\n/NonStruct <</MCID 1 >>BDC\nBT (Row 1) Tj ET\nEMC\n';
  assert.is(
    text(remarkAsArtifacts(bytes(content), new Set([0]))),
    '/Artifact <</Type /Pagination /Subtype /Header>> BDC\nBT (Programme) Tj ET\nEMC\n/NonStruct <</MCID 1 >>BDC\nBT (Row 1) Tj ET\nEMC\n',
  );
});

test('a ToUnicode CMap is read as the text of each code: bfchar, bfrange counted up, bfrange with an array', () => {
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Adobe-Identity-UCS def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    '2 beginbfchar <0003> <0020> <0100> <542F> endbfchar',
    '2 beginbfrange <0044> <0046> <0061> <0050> <0051> [<0070> <00660069>] endbfrange',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  assert.equal(
    [...readToUnicode(bytes(cmap))].sort((a, b) => a[0] - b[0]),
    [
      [0x03, ' '],
      [0x44, 'a'],
      [0x45, 'b'],
      [0x46, 'c'],
      [0x50, 'p'],
      [0x51, 'fi'],
      [0x100, '启'],
    ],
  );
});

test.run();
