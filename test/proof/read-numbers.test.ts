// The proof reads most operands straight from a page's bytes (issue 18): numbers as ISO 32000-1
// 7.3.3 writes them, a Tf's font name, a BDC's MCID.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fontOperands, mcidOperand, readNumbers } from '../../src/proof/read-numbers.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');

test('numbers with a sign, a leading or trailing period, and a token that is not one', () => {
  const out = new Float64Array(8);
  const data = bytes('.23999999 0 0 -.23999999 +3. 841.91998 /Name 7');
  assert.is(readNumbers(data, 0, data.length, out), 8);
  assert.equal(Array.from(out), [0.23999999, 0, 0, -0.23999999, 3, 841.91998, NaN, 7]);
});

test('numbers past the room given are left out', () => {
  const out = new Float64Array(2);
  const data = bytes('1 2 3');
  assert.is(readNumbers(data, 0, data.length, out), 2);
  assert.equal(Array.from(out), [1, 2]);
});

test("a Tf's resource name and where its size starts", () => {
  const data = bytes('/F82 12 ');
  const { name, sizeAt } = fontOperands(data, 0, data.length);
  assert.is(name, 'F82');
  const out = new Float64Array(1);
  assert.is(readNumbers(data, sizeAt, data.length, out), 1);
  assert.is(out[0], 12);
});

test("a BDC's MCID written in line, none in a property list named by resource", () => {
  const out = new Float64Array(2);
  const inline = bytes('/NonStruct <</MCID 42 >>');
  assert.is(mcidOperand(inline, 0, inline.length, out), 42);
  const packed = bytes('/P<</MCID 7/Lang (en)>>');
  assert.is(mcidOperand(packed, 0, packed.length, out), 7);
  const named = bytes('/Span /MC0');
  assert.is(mcidOperand(named, 0, named.length, out), null);
});

test.run();
