// Which characters the bundled fonts draw (issue 11), as a reader would list them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canDraw, describeCharacter, findUndrawable } from '../../src/fonts/can-draw.js';
import { findUndrawableInHtml } from '../../src/fonts/find-undrawable-in-html.js';

test('Latin, Greek, Cyrillic, Devanagari, Chinese and typography are drawn', () => {
  assert.equal(findUndrawable('Qiming (启明, Qǐmíng) “quoted” — Łódź, Ελληνικά, Привет, नमस्ते, 3–5 million ¥ €'), []);
});

test('Arabic, Korean and emoji are not: each is named once, in the order it first appears', () => {
  assert.equal(findUndrawable('مرحبا مرحبا'), [0x645, 0x631, 0x62d, 0x628, 0x627]);
  assert.equal(findUndrawable('한국 and 😀 and 한'), [0xd55c, 0xad6d, 0x1f600]);
});

test('characters that are never drawn need no glyph: controls, soft hyphen, joiners, bidi marks, variation selectors', () => {
  assert.equal(findUndrawable('tab\there\nline\u00adsoft\u200dzwj\u200fmark\u2028sep\ufe0fvs\u{e0100}'), []);
});

test('a lone surrogate is named by its code, a character by its code and itself', () => {
  assert.equal(findUndrawable('broken \ud800 pair'), [0xd800]);
  assert.is(describeCharacter(0xd800), 'U+D800');
  assert.is(describeCharacter(0x627), 'U+0627 "ا"');
  assert.is(describeCharacter(0x1f600), 'U+1F600 "😀"');
});

test('canDraw answers for single code points, above the Basic Multilingual Plane too', () => {
  assert.ok(canDraw(0x41));
  assert.ok(canDraw(0x1f170), 'a negative squared Latin capital, which Noto Sans SC has');
  assert.not.ok(canDraw(0x1f600));
  assert.not.ok(canDraw(0x0627));
});

test('in HTML, only text counts: attribute values are not drawn, character references are decoded', () => {
  assert.equal(findUndrawableInHtml('<p title="한국" data-x="😀">plain &middot; text &amp; &lt;tags&gt;</p>'), []);
  assert.equal(findUndrawableInHtml('<p>a &#x627; and &#1576; b</p><img alt="한">'), [0x627, 0x628]);
  assert.equal(findUndrawableInHtml('<svg><text x="1">한</text></svg><!-- 😀 -->'), [0xd55c]);
});

test.run();
