// The WOFF 1.0 files of the bundled packages unwrap into TrueType that a font reader other than
// ours (fontkit) opens, with the glyphs the served WOFF2 file has.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeWoff } from '../../src/fonts/decode-woff.js';

const require = createRequire(import.meta.url);
const file = (name: string) => require.resolve(`@fontsource/noto-sans/files/${name}`);

test('Noto Sans latin regular comes out as TrueType, the same font as the WOFF2 the pages load', () => {
  const ttf = decodeWoff(readFileSync(file('noto-sans-latin-400-normal.woff')));
  assert.is(ttf.subarray(0, 4).toString('hex'), '00010000', 'a TrueType sfnt');
  const decoded = fontkit.create(ttf) as fontkit.Font;
  const served = fontkit.create(readFileSync(file('noto-sans-latin-400-normal.woff2'))) as fontkit.Font;
  assert.is(decoded.postscriptName, 'NotoSans-Regular');
  assert.is(decoded.familyName, 'Noto Sans');
  assert.equal(decoded.characterSet, served.characterSet);
  assert.is(decoded.numGlyphs, served.numGlyphs);
  assert.is(decoded.glyphForCodePoint(0x41).advanceWidth, served.glyphForCodePoint(0x41).advanceWidth);
});

test('anything but WOFF 1.0 is refused', () => {
  assert.throws(() => decodeWoff(readFileSync(file('noto-sans-latin-400-normal.woff2'))), /^not a WOFF 1\.0 file$/);
});

test.run();
