import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { markArtifacts } from '../../src/pdf/mark-artifacts.js';

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
    markArtifacts(PAGE),
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
  assert.is(markArtifacts(tagged), tagged);
  const once = markArtifacts(PAGE)!;
  assert.is(markArtifacts(once), once);
});

test('an ActualText span around untagged text stays inside the artifact that wraps its text object', () => {
  const content = 'BT\n<0001> Tj\n/Span <</ActualText (x)>> BDC\n<0002> Tj\nEMC\nET';
  assert.is(markArtifacts(content), '/Artifact BMC\nBT\n<0001> Tj\n/Span <</ActualText (x)>> BDC\n<0002> Tj\nEMC\nET\nEMC');
});

test('a stream whose marked content does not balance is left to the caller', () => {
  assert.is(markArtifacts('/P <</MCID 0 >>BDC\nBT\n<0035> Tj\nET'), undefined);
  assert.is(markArtifacts('EMC\nBT\n<0035> Tj\nET'), undefined);
});

test.run();
