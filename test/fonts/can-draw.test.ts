// Which characters the bundled fonts draw (issue 11), as a reader would list them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canDraw, describeCharacter, findUndrawable } from '../../src/fonts/can-draw.js';
import { findUndrawableInHtml } from '../../src/fonts/find-undrawable-in-html.js';

test('Latin, Greek, Cyrillic, Devanagari, Chinese and typography are drawn', () => {
  assert.equal(findUndrawable('Qiming (启明, Qǐmíng) “quoted” — Łódź, Ελληνικά, Привет, नमस्ते, 3–5 million ¥ €'), []);
});

test('Arabic, Hebrew, Korean, Japanese and traditional Chinese are drawn too (issue 13)', () => {
  assert.equal(findUndrawable('مرحبا שלום 한국어 ひらがな カタカナ 國際人才 臺灣'), []);
});

test('Thai, Georgian and emoji are not: each is named once, in the order it first appears', () => {
  assert.equal(findUndrawable('สวัสดี สวัสดี'), [0xe2a, 0xe27, 0xe31, 0xe14, 0xe35]);
  assert.equal(findUndrawable('ქართ and 😀 and ქ'), [0x10e5, 0x10d0, 0x10e0, 0x10d7, 0x1f600]);
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
  assert.ok(canDraw(0x0627));
  assert.not.ok(canDraw(0x0e2a));
});

test('in HTML, only text counts: attribute values are not drawn, character references are decoded', () => {
  assert.equal(findUndrawableInHtml('<p title="ქართ" data-x="😀">plain &middot; text &amp; &lt;tags&gt;</p>'), []);
  assert.equal(findUndrawableInHtml('<p>a &#xe2a; and &#3623; b</p><img alt="ქ">'), [0xe2a, 0xe27]);
  assert.equal(findUndrawableInHtml('<svg><text x="1">ქ</text></svg><!-- 😀 -->'), [0x10e5]);
});

test.run();
