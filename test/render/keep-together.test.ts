// Line breaking for every script (issue 18, item 5; issue 23, item 3): what a line must not break
// inside is wrapped in a nowrap span, in text only, never in tags, attributes or SVG.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { keepTogether } from '../../src/render/keep-together.js';
import { formatNativeHtml } from '../../src/render/format/names.js';

test('a Japanese date, a number with its counter and a hedged figure are each kept whole', () => {
  assert.is(
    keepTogether('<p>手当は2024年4月に始まり、2026年1月16日現在、対象は11校、約20人、45歳未満、月額5万円。</p>'),
    '<p>手当は<span class="nw">2024年4月</span>に始まり、<span class="nw">2026年1月16日</span>現在、対象は<span class="nw">11校</span>、<span class="nw">約20人</span>、<span class="nw">45歳未満</span>、月額<span class="nw">5万円</span>。</p>',
  );
});

test('a Korean date keeps its spaces on one line', () => {
  assert.is(keepTogether('<p>2024년 6월 10일 발표</p>'), '<p><span class="nw">2024년 6월 10일</span> 발표</p>');
});

test('a short hyphenated word is kept, a long one may still break, and English numbers are left alone', () => {
  assert.is(keepTogether('<h1>Teachers without A-levels</h1>'), '<h1>Teachers without <span class="nw">A-levels</span></h1>');
  assert.is(keepTogether('<p>self-reliance in 2023, about 20 people</p>'), '<p>self-reliance in 2023, about 20 people</p>');
});

test('tags, attribute values and chart text are not touched', () => {
  const html = '<a href="https://example.org/A-levels/2024年4月" title="11校">x</a><svg><text>2024年4月</text></svg><style>.a-b{}</style>';
  assert.is(keepTogether(html), html);
});

test('a short Chinese, Japanese or Korean name is held on one line; a long one and other scripts may wrap', () => {
  assert.is(formatNativeHtml({ text: '海外高层次人才引进计划', lang: 'zh', dir: 'ltr', romanized: null }), '<span lang="zh" class="nw">海外高层次人才引进计划</span>');
  assert.is(formatNativeHtml({ text: '귀국연구자 펠로십', lang: 'ko', dir: 'ltr', romanized: null }), '<span lang="ko" class="nw">귀국연구자 펠로십</span>');
  assert.is(formatNativeHtml({ text: 'الهجرة العكسية', lang: 'ar', dir: 'rtl', romanized: null }), '<span lang="ar" dir="rtl">الهجرة العكسية</span>');
});

test('a long URL or id may break after its punctuation or every 16 characters, never inside an entity; words and CJK text are left whole (issue 18)', () => {
  assert.is(
    keepTogether('<td>https://example.org/programmes/rural-doctors?id=1&amp;view=full</td>'),
    '<td>https:<wbr>//<wbr>example<wbr>.<wbr>org<wbr>/<wbr>programmes<wbr>/<wbr>rural<wbr>-<wbr>doctors<wbr>?<wbr>id<wbr>=<wbr>1<wbr>&amp;<wbr>view<wbr>=<wbr>full</td>',
  );
  assert.is(keepTogether('<td>ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789</td>'), '<td>ABCDEFGHIJKLMNOP<wbr>QRSTUVWXYZ012345<wbr>6789</td>');
  assert.is(keepTogether('<th>Launched</th><td>Pneumonoultramicroscopicsilicovolcanoconiosis</td>'), '<th>Launched</th><td>Pneumonoultramicroscopicsilicovolcanoconiosis</td>');
});

test.run();
