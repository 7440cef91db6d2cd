import { renderSubject } from '../helpers/render-subject.js';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planDocuments } from '../../src/documents/plan.js';
import type { RenderOptions } from '../../src/render/render-options.js';
import type { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';
import { createRenderer } from '../../src/render/renderer.js';
import { composeHtml, documentText, renderSkeleton } from '../../src/render/skeleton.js';
import { bundledTemplatesDir, readTemplateSet } from '../../src/render/template-set.js';

const dataDir = fileURLToPath(new URL('../fixtures/documents/dataset', import.meta.url));
let facts: Facts;
test.before(async () => {
  facts = await loadFacts(dataDir);
});
const templates = readTemplateSet(bundledTemplatesDir());
const renderer = createRenderer(templates);
const options: RenderOptions = { paper: 'a4', creator: 'brief 0.0.0-test', date: new Date('2024-03-15T00:00:00Z') };
const spec = (key: string) => planDocuments(facts).find((s) => s.key === key)!;

test('every bundled layout renders every fixture document, each with its title and its sections', async () => {
  const brief = ['At a glance', 'Overview', 'Incentives', 'Timeline'];
  const lantern = [
    'Bottom line', 'Key takeaways', 'At a glance', 'Key figures', 'Overview', 'How it pays', 'Incentives', 'Timeline',
    'People and organisations', 'In their words', 'What is not known', 'Related programmes and topics', 'Sources', 'Notes',
  ];
  const money = [
    'Key takeaways', 'Programmes at a glance', 'Key figures', 'Overview', 'Bonuses', 'Incentives', 'Timeline',
    'People and organisations', 'In their words', 'Sources', 'Notes',
  ];
  const expected: Record<string, [string, string[]]> = {
    'programmes/lantern/brief': ['Lantern (灯笼, Dēnglóng): brief', lantern],
    // A sheet also holds what it may drop to fit (issue 18): the summary, what is not known, the brief's sections, a quote.
    'programmes/lantern/one-pager': [
      'Lantern (灯笼, Dēnglóng): fact sheet',
      ['Bottom line', 'At a glance', 'Key figures', 'In brief', 'Key takeaways', 'Timeline', 'What is not known', 'How it pays', 'In their words', 'Notes and sources'],
    ],
    'programmes/lantern/html': ['Lantern (灯笼, Dēnglóng): brief', lantern],
    'programmes/harbour/brief': ['Harbour Plan (港湾计划): brief', [...brief, 'Related topics', 'Sources', 'Notes']],
    'programmes/harbour/one-pager': ['Harbour Plan (港湾计划): fact sheet', ['In brief', 'At a glance', 'Timeline', 'Notes and sources']],
    'programmes/harbour/html': ['Harbour Plan (港湾计划): brief', [...brief, 'Related topics', 'Sources', 'Notes']],
    'topics/money/brief': ['Money for returning engineers: brief', money],
    'topics/money/one-pager': ['Money for returning engineers: fact sheet', ['In brief', 'Programmes at a glance', 'Key figures', 'Key takeaways', 'Timeline', 'Bonuses', 'In their words', 'Notes and sources']],
    'topics/money/html': ['Money for returning engineers: brief', money],
  };
  assert.equal(planDocuments(facts).map((s) => s.key), Object.keys(expected));
  for (const s of planDocuments(facts)) {
    const doc = await renderSubject(renderer, facts, s, options);
    const headings = [...doc.body.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    assert.equal([doc.title, headings], expected[s.key], s.key);
    assert.not.match(doc.body, '<script', s.key);
  }
});

test('the brief shows native names, money in yuan and dollars, charts, a source list and attributed endnotes', async () => {
  const doc = await renderSubject(renderer, facts, spec('programmes/lantern/brief'), options);
  assert.match(doc.body, '<h1 class="title">Lantern <span class="title-native"><span lang="zh" class="nw">灯笼</span></span></h1>');
  // The dataset's language is "en": amounts as American English writes them.
  assert.match(doc.body, '<td class="num">CN¥1M–CN¥2M</td>');
  assert.match(doc.body, '<th scope="col" class="num">In USD</th>');
  assert.match(doc.body, '<td class="num">about $140,000–$280,000<sup class="noteref"><a href="#note-3">3</a></sup></td>');
  assert.match(doc.body, '<p class="table-note">Converted at CN¥1 &#x3D; $0.14 (the Gazette&#x27;s own conversion).</p>');
  assert.match(doc.body, '<li id="source-1">The Fixture Gazette (A. Writer), &ldquo;Lantern scheme pays for returning engineers,&rdquo; Hangzhou, February 10, 2024.</li>');
  // One date style in a document (issue 18): no "Feb 10, 2024" beside "February 10, 2024".
  assert.match(doc.body, '<span class="note-source">The Fixture Gazette, February 10, 2024.</span>');
  // Each chart with its caption after it (issue 18).
  assert.match(doc.body, /<div class="chart chart--timeline">\s*<svg[^]*?<\/svg>\s*<p class="chart__caption">/);
  assert.match(doc.body, /<div class="chart chart--incentives">\s*<svg[^]*?<\/svg>\s*<p class="chart__caption">/);
  assert.match(doc.body, '<span class="attribution">Anonymous sources</span> (Two people with knowledge of the scheme)');
  assert.match(doc.body, 'more than 200 people');
  assert.is(doc.bodyClass, 'layout-brief paper-a4 subject-programme');
  assert.is(doc.title, 'Lantern (灯笼, Dēnglóng): brief');
  assert.is(doc.fit, undefined);
});

test('a one-pager that leaves items out for space says so on the page and in the rendered document', async () => {
  const pounds = await loadFacts(fileURLToPath(new URL('../fixtures/render/pounds', import.meta.url)));
  const sheet = planDocuments(pounds).find((s) => s.key === 'programmes/bootcamps/one-pager')!;
  const doc = renderSubject(renderer, pounds, sheet, options);
  // The fifth takeaway is on the sheet where it has room; the count stands in where fitting drops it (issue 18).
  assert.match(doc.body, '<ul class="takeaways-more" data-fit-drop="2" data-fit-id="takeaways"><li>The evaluation has not been published.</li></ul>');
  assert.match(doc.body, '<p class="more" data-fit-instead-of="takeaways">1 more takeaway in the brief</p>');
  assert.equal(doc.leftOut, ['1 more takeaway in the brief']);
  const brief = renderSubject(renderer, pounds, planDocuments(pounds).find((s) => s.key === 'programmes/bootcamps/brief')!, options);
  assert.is(brief.leftOut, undefined, 'a brief shows everything');
});

test('page CSS sets the paper, the running header with the marking and "Page N of M"', async () => {
  const doc = await renderSubject(renderer, facts, spec('programmes/lantern/brief'), { ...options, paper: 'letter' });
  assert.match(doc.pageCss, 'size: letter;');
  assert.match(doc.pageCss, '@top-left { content: "Lantern: brief"');
  assert.match(doc.pageCss, '@top-right { content: "INTERNAL — FIXTURE ONLY"');
  assert.match(doc.pageCss, '@bottom-center { content: "Page " counter(page) " of " counter(pages)');
});

test('the one-pager sits in one sheet, carries its fit policy and scales from --fit-font-pt', async () => {
  const doc = await renderSubject(renderer, facts, spec('programmes/lantern/one-pager'), options);
  assert.match(doc.body, /^<main class="sheet">/);
  assert.equal(doc.fit, { maxPages: 1, baseFontPt: 10, minFontPt: 8.5, stepPt: 0.25 });
  assert.match(doc.pageCss, 'body.layout-one-pager { --fit-font-pt: 10pt; }');
  // Most notes cite the Gazette: it is named once, and a note names its source only where it is another (issue 18).
  assert.match(doc.body, '<b class="note__number">1</b> Review of government documents (Provincial policy documents).</span>');
  assert.match(doc.body, 'All facts: The Fixture Gazette, “Lantern scheme pays for returning engineers”, February 10, 2024, unless noted.');
});

test('metadata names title, author, subject, keywords, creator and language', async () => {
  const doc = await renderSubject(renderer, facts, spec('topics/money/brief'), options);
  assert.is(doc.metadata.title, 'Money for returning engineers: brief');
  assert.is(doc.metadata.author, 'Fixture research office');
  assert.is(doc.metadata.subject, 'Two invented schemes pay engineers and recruiters.');
  assert.equal(doc.metadata.keywords.slice(0, 2), ['fixture', 'talent programmes']);
  assert.is(doc.metadata.creator, 'brief 0.0.0-test');
  assert.is(doc.metadata.language, 'en');
});

test('the self-contained HTML embeds its fonts and holds no script', async () => {
  const doc = await renderSubject(renderer, facts, spec('programmes/lantern/html'), options);
  const html = composeHtml(renderSkeleton(templates, { paper: 'a4', assets: 'inline', text: documentText(doc) }), doc);
  assert.match(html, /font-family:'Noto Sans SC'[^}]*data:font\/woff2/);
  assert.match(html, 'class="layout-brief paper-a4 subject-programme format-html"');
  assert.not.match(html, '<script');
  assert.not.match(html, 'file://');
});

test.run();
