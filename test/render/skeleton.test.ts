import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RenderedDocument } from '../../src/contracts/document.js';
import { documentPolicy } from '../../src/render/content-policy.js';
import { readFontSlices } from '../../src/render/font-faces.js';
import { composeHtml, renderSkeleton } from '../../src/render/skeleton.js';
import { bundledTemplatesDir, readTemplateSet, type TemplateSet } from '../../src/render/template-set.js';

const BUNDLED_LABELS = readTemplateSet(bundledTemplatesDir()).labels;

const templates: TemplateSet = {
  layouts: {},
  partials: {},
  styles: [{ name: 'base', file: 'styles/base.css', source: 'body { color: black; }' }],
  pack: {},
  packStyles: [],
  labels: BUNDLED_LABELS,
};

const embeddedCjkSlices = (html: string) => (html.match(/font-family:'Noto Sans SC'[^}]*data:font\/woff2/g) ?? []).length;

test('file mode points every font slice at the fontsource files by file:// URL', () => {
  const shell = renderSkeleton(templates, { paper: 'a4', assets: 'file' });
  assert.match(shell, /^<!doctype html>/);
  assert.match(shell, 'body { color: black; }');
  assert.match(shell, /url\("file:\/\/[^"]+@fontsource\/noto-sans-sc\/files\/noto-sans-sc-\d+-400-normal\.woff2"\)/);
  assert.match(shell, 'unicode-range:');
  assert.not.match(shell, 'data:font');
});

test('inline mode embeds only the Chinese slices the text uses', () => {
  const sc = readFontSlices().filter((s) => s.family === 'Noto Sans SC');
  const latinOnly = renderSkeleton(templates, { paper: 'a4', assets: 'inline', text: 'Qiming programme' });
  const withChinese = renderSkeleton(templates, { paper: 'a4', assets: 'inline', text: 'Qiming 启明' });
  assert.is(embeddedCjkSlices(latinOnly), 0);
  const used = embeddedCjkSlices(withChinese);
  assert.ok(used >= 1 && used <= 2 * 2, `expected a slice or two per weight, got ${used}`);
  assert.ok(sc.length > 100, 'the Noto Sans SC faces come in many slices');
  assert.ok(withChinese.length < 3_000_000, `inline shell is ${withChinese.length} bytes`);
  assert.not.match(withChinese, 'file://');
});

const embeddedFamilies = (html: string) =>
  [...new Set([...html.matchAll(/font-family:'([^']+)'[^}]*data:font\/woff2/g)].map((m) => m[1]))].sort();

test('inline mode embeds the CJK family each name\'s lang calls for, and Arabic and Hebrew slices for their script', () => {
  const inline = (text: string) => embeddedFamilies(renderSkeleton(templates, { paper: 'a4', assets: 'inline', text }));
  assert.equal(inline('<span lang="ko">한국</span>'), ['Noto Sans', 'Noto Sans KR', 'Noto Serif']);
  assert.equal(inline('<span lang="zh-Hant">國際</span>'), ['Noto Sans', 'Noto Sans TC', 'Noto Serif']);
  assert.equal(inline('<span lang="ja">國際</span>'), ['Noto Sans', 'Noto Sans JP', 'Noto Serif']);
  assert.equal(inline('國際, named in no language'), ['Noto Sans', 'Noto Sans SC', 'Noto Serif']);
  assert.equal(inline('<span lang="ar" dir="rtl">مرحبا</span> <span lang="he" dir="rtl">שלום</span>'), [
    'Noto Sans',
    'Noto Sans Arabic',
    'Noto Sans Hebrew',
    'Noto Serif',
  ]);
});

test('composeHtml puts the page CSS, language, title and body into the shell', () => {
  const shell = renderSkeleton(templates, { paper: 'letter', assets: 'file' });
  const doc = {
    title: 'Qiming (启明): brief & more',
    lang: 'en-GB',
    bodyClass: 'layout-brief paper-letter',
    body: '<main>cost $1 and $& more</main>',
    pageCss: '@page { size: letter; }',
  } as RenderedDocument;
  const html = composeHtml(shell, doc);
  assert.match(html, '<html lang="en-GB"');
  assert.match(html, '<title>Qiming (启明): brief &amp; more</title>');
  assert.match(html, '<style id="page-css">\n@page { size: letter; }\n</style>');
  assert.match(html, '<body class="layout-brief paper-letter">\n<main>cost $1 and $& more</main>');
  assert.not.match(html, '<script');
});

test('the self-contained shell opens its head with a policy that runs no script; the print shell has none', () => {
  const standalone = renderSkeleton(templates, { paper: 'a4', assets: 'none', contentPolicy: documentPolicy({}) });
  assert.ok(
    standalone.startsWith(
      '<!doctype html>\n<html lang="en" class="paper-a4">\n<head>\n<meta charset="utf-8">\n' +
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; font-src data:; img-src data:; base-uri \'none\'; form-action \'none\'">\n' +
        '<meta name="viewport"',
    ),
    standalone.slice(0, 400),
  );
  const print = renderSkeleton(templates, { paper: 'a4', assets: 'file' });
  assert.not.match(print, 'Content-Security-Policy');
});

test('with remote images allowed, the policy lets http(s) images load and still no script', () => {
  assert.is(
    documentPolicy({ allowRemote: true }),
    "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data: http: https:; base-uri 'none'; form-action 'none'",
  );
});

test.run();
