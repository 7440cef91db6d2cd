import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readOperators } from '../../src/pdf/content-stream.js';
import { markArtifacts } from '../../src/pdf/mark-artifacts.js';

/** The content marked, as text; undefined where it cannot be marked. */
function mark(content: string): string | undefined {
  const marked = markArtifacts(Buffer.from(content, 'latin1'));
  return marked && Buffer.from(marked).toString('latin1');
}

// Content streams as Chromium writes them: a running header first, then tagged content with a
// border between two tagged sequences.
const PAGE = [
  '.24 0 0 -.24 0 841.92 cm',
  'q',
  '/G3 gs',
  'BT',
  '/F4 10 Tf',
  '1 0 0 -1 71.8 61 Tm',
  '<0034> Tj',
  'ET',
  'Q',
  'q',
  '0 0 2483 3508 re',
  'W* n',
  '/NonStruct <</MCID 0 >>BDC',
  '0 0 651 4 re',
  'f',
  'EMC',
  '0 159 651 1 re',
  'f',
  '.9 .9 .9 rg',
  '/P <</MCID 1 >>BDC',
  'BT',
  '<0035> Tj',
  '/Span<</ActualText <FEFF660E> >> BDC',
  '<0000> Tj',
  'EMC',
  'ET',
  'EMC',
  'Q',
].join('\n');

test('untagged marks (a running header, a border) become artifacts; tagged sequences and clips are left alone', () => {
  assert.is(
    mark(PAGE),
    [
      '.24 0 0 -.24 0 841.92 cm',
      'q',
      '/G3 gs',
      '/Artifact BMC',
      'BT',
      '/F4 10 Tf',
      '1 0 0 -1 71.8 61 Tm',
      '<0034> Tj',
      'ET',
      'EMC',
      'Q',
      'q',
      '0 0 2483 3508 re',
      'W* n',
      '/NonStruct <</MCID 0 >>BDC',
      '0 0 651 4 re',
      'f',
      'EMC',
      '/Artifact BMC',
      '0 159 651 1 re',
      'f',
      'EMC',
      '.9 .9 .9 rg',
      '/P <</MCID 1 >>BDC',
      'BT',
      '<0035> Tj',
      '/Span<</ActualText <FEFF660E> >> BDC',
      '<0000> Tj',
      'EMC',
      'ET',
      'EMC',
      'Q',
    ].join('\n'),
  );
});

test('a stream with nothing untagged comes back as it was, and one already marked is not marked again', () => {
  const tagged = '/P <</MCID 0 >>BDC\nBT\n<0035> Tj\nET\nEMC';
  assert.is(mark(tagged), tagged);
  const once = mark(PAGE)!;
  assert.is(mark(once), once);
});

test('an ActualText span around untagged text stays inside the artifact that wraps its text object', () => {
  const content = 'BT\n<0001> Tj\n/Span <</ActualText (x)>> BDC\n<0002> Tj\nEMC\nET';
  assert.is(mark(content), '/Artifact BMC\nBT\n<0001> Tj\n/Span <</ActualText (x)>> BDC\n<0002> Tj\nEMC\nET\nEMC');
});

test('a stream whose marked content does not balance is left to the caller', () => {
  assert.is(mark('/P <</MCID 0 >>BDC\nBT\n<0035> Tj\nET'), undefined);
  assert.is(mark('EMC\nBT\n<0035> Tj\nET'), undefined);
  assert.is(mark('BT\n(unterminated Tj\nET'), undefined);
  assert.is(mark('BT\n<0035> Tj'), undefined);
});

test('the stream is read as operators: a string that reads "EMC" or "BDC" is an operand, not a marker', () => {
  const content = '/P <</MCID 0>> BDC\nBT\n(EMC) Tj\n(/Artifact BMC) Tj\nET\nEMC\n0 0 1 1 re\nf';
  assert.is(mark(content), '/P <</MCID 0>> BDC\nBT\n(EMC) Tj\n(/Artifact BMC) Tj\nET\nEMC\n/Artifact BMC\n0 0 1 1 re\nf\nEMC');
});

test('marked content is found as operators wherever they stand on a line, and an MCID is read from the property list', () => {
  assert.is(mark('q /P <</MCID 0>> BDC BT (a) Tj ET EMC Q BT (b) Tj ET'), 'q /P <</MCID 0>> BDC BT (a) Tj ET EMC Q /Artifact BMC\nBT (b) Tj ET\nEMC');
  // A property list named in the resources, or one without an MCID, does not tag what it holds.
  assert.is(mark('/Span /MC0 BDC 0 0 1 1 re f EMC'), '/Span /MC0 BDC /Artifact BMC\n0 0 1 1 re f\nEMC EMC');
});

test("a sequence marks its content where its tag is /Artifact or its property list has an /MCID key, not a string or name reading MCID", () => {
  const around = (open: string) => mark(`${open}\n0 0 1 1 re f\nEMC`);
  const wrapped = (open: string) => `${open}\n/Artifact BMC\n0 0 1 1 re f\nEMC\nEMC`;
  for (const marking of ['/P <</MCID 3>> BDC', '/P <</A [/MCID] /R 3 0 R /MCID 1>> BDC', '/Artifact BMC', '/Artifact <</Type /Pagination>> BDC']) {
    assert.is(around(marking), `${marking}\n0 0 1 1 re f\nEMC`, marking);
  }
  for (const other of ['/Span <</ActualText (MCID)>> BDC', '/Span <</Alt /MCID>> BDC', '/P <</D <</MCID 1>> >> BDC', '/P /MC0 BDC', '/MCID BMC']) {
    assert.is(around(other), wrapped(other), other);
  }
});

test('an artifact starts on a line of its own where the content before it ends without white space', () => {
  assert.is(mark('q/Im1 Do Q'), 'q\n/Artifact BMC\n/Im1 Do\nEMC Q');
  assert.is(mark('/P <</MCID 0>> BDC EMC/Im1 Do'), '/P <</MCID 0>> BDC EMC/Artifact BMC\n/Im1 Do\nEMC');
});

test('an inline image is one operator up to its EI: its binary data is never read as operators', () => {
  const image = 'BI /W 2 /H 1 /BPC 8 /CS /G ID \x45MC)(BT\x00 EI\n';
  assert.is(mark(`/P <</MCID 0>> BDC\n${image}EMC\n${image}`), `/P <</MCID 0>> BDC\n${image}EMC\n/Artifact BMC\n${image.trimEnd()}\nEMC\n`);
  assert.equal(
    readOperators(Buffer.from(`q ${image}Q`, 'latin1'))!.map((o) => [o.name, o.start, o.end]),
    [
      ['q', 0, 1],
      ['BI', 2, 2 + image.trimEnd().length],
      ['Q', 3 + image.trimEnd().length, 4 + image.trimEnd().length],
    ],
  );
});

test("each operator's operands are told apart from it, arrays and dictionaries holding keywords included", () => {
  const content = '[(a) -250 (b)] TJ /P <</MCID 3 /Alt (x) /Flag true>> BDC 1 0 0 1 0 0 cm';
  assert.equal(
    readOperators(Buffer.from(content, 'latin1'))!.map((o) => [o.name, content.slice(o.start, o.at).trim()]),
    [
      ['TJ', '[(a) -250 (b)]'],
      ['BDC', '/P <</MCID 3 /Alt (x) /Flag true>>'],
      ['cm', '1 0 0 1 0 0'],
    ],
  );
});

test.run();
