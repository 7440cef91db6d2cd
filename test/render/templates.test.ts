import { renderSubject } from '../helpers/render-subject.js';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planDocuments } from '../../src/documents/plan.js';
import { TemplateError } from '../../src/errors.js';
import { loadFacts } from '../../src/facts/load.js';
import type { RenderLimits } from '../../src/render/render-limits.js';
import { createRenderer } from '../../src/render/renderer.js';
import { bundledTemplatesDir, readTemplateSet, type TemplateSet } from '../../src/render/template-set.js';

const BUNDLED_LABELS = readTemplateSet(bundledTemplatesDir()).labels;

const set = (layout: string, partials: Record<string, string> = {}): TemplateSet => ({
  layouts: { page: { name: 'page', file: 'templates/layouts/page.hbs', source: layout } },
  partials: Object.fromEntries(
    Object.entries(partials).map(([name, source]) => [name, { name, file: `templates/partials/${name}.hbs`, source }]),
  ),
  styles: [],
  pack: {},
  packStyles: [],
  labels: BUNDLED_LABELS,
});

function renderError(templates: TemplateSet, view: object, limits?: RenderLimits): TemplateError {
  try {
    createRenderer(templates).render('page', view, limits);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('rendered without an error');
}

test('a layout naming a field the view model lacks fails with its file and line', () => {
  const error = renderError(set('<h1>{{title}}</h1>\n<p>\n  {{subtitel}}\n</p>'), { title: 'T', subtitle: 'S' });
  assert.match(error.message, 'templates/layouts/page.hbs:3:');
  assert.match(error.message, 'subtitel');
});

test('a partial naming a missing field fails with the partial file, not the layout', () => {
  const error = renderError(set('{{> block}}', { block: 'ok\n{{#each items}}{{nmae}}{{/each}}' }), { items: [{ name: 'a' }] });
  assert.match(error.message, 'templates/partials/block.hbs:2:');
});

test('a block helper testing a field the view model lacks fails too, with its line', () => {
  const error = renderError(set('<h1>{{title}}</h1>\n{{#if subtitel}}<p>{{subtitle}}</p>{{/if}}'), { title: 'T', subtitle: null });
  assert.match(error.message, 'templates/layouts/page.hbs:2:');
  assert.match(error.message, '{{#if subtitel}}');
});

test('a null field is a value, not a missing one', () => {
  const html = createRenderer(set('{{#if subtitle}}yes{{else}}no{{/if}}')).render('page', { subtitle: null });
  assert.is(html, 'no');
});

test('a template with a syntax error fails when the renderer is created, naming file and line', () => {
  assert.throws(() => createRenderer(set('a\n{{#if x}}\n{{/each}}')), (e: unknown) => e instanceof TemplateError && /page\.hbs:2/.test(e.message));
});

test('helpers render in an isolated instance: markdown, money and names in their own language', () => {
  const renderer = createRenderer(
    set('{{md text}}|{{money amount}}|{{bilingual name}}|{{noterefs notes}}|{{plural n "note"}}|{{date d}}'),
  );
  const html = renderer.render(
    'page',
    {
      text: '**bold**',
      amount: { currency: 'CNY', amount: null, min: 3_000_000, max: 5_000_000, qualifier: null },
      name: { en: 'Qiming', native: { text: '启明', lang: 'zh', dir: 'ltr', romanized: { text: 'Qǐmíng', system: 'pinyin' } } },
      notes: [1, 2],
      n: 2,
      d: '2022-10',
    },
    { lang: 'en-GB' },
  );
  assert.match(html, '<strong>bold</strong>');
  assert.match(html, '|CN¥3m–CN¥5m|');
  assert.match(html, 'Qiming <span class="name-alt">(<span lang="zh" class="nw">启明</span>, <i class="romanized">Qǐmíng</i>)</span>');
  assert.match(html, '<a href="#note-1">1</a>,<a href="#note-2">2</a>');
  assert.match(html, '2 notes|October 2022');
});

test('the stop and bracket helpers keep a copy editor\'s rules: no stop after one, no bracket in a bracket (issue 18)', () => {
  const renderer = createRenderer(set('“{{q}}”{{stop q}}|“{{r}}”{{stop r}}|“{{h}}{{stop h ","}}”|{{bracket j}}'));
  const html = renderer.render('page', { q: 'They said so.', r: 'they said so', h: 'Why now?', j: 'England (Greater Manchester)' }, { lang: 'en-GB' });
  assert.is(html, '“They said so.”|“they said so”.|“Why now?”|(England, Greater Manchester)');
  // Japanese and Chinese close a sentence with the ideographic full stop (issue 23).
  // ... and write their brackets full-width, an inner pair as an aside after 、.
  const ja = createRenderer(set('「{{q}}」{{stop q}}|「{{r}}」{{stop r}}|{{bracket j}}')).render('page', { q: '用意する。', r: '支給している', j: '潮見県（記事の報道による）' }, { lang: 'ja' });
  assert.is(ja, '「用意する。」|「支給している」。|（潮見県、記事の報道による）');
});

test('view-model text is escaped: data cannot inject markup through a plain field', () => {
  const html = createRenderer(set('<p>{{title}}</p>')).render('page', { title: '<script>x</script>' });
  assert.not.match(html, '<script>');
});

test("the bundled people list prints a person's native name marked with its language", async () => {
  const facts = await loadFacts(fileURLToPath(new URL('../fixtures/documents/dataset', import.meta.url)));
  const renderer = createRenderer(readTemplateSet(bundledTemplatesDir()));
  const options = { paper: 'a4', creator: 'brief 0.0.0-test', date: new Date('2024-03-15T00:00:00Z') } as const;
  const bodies = planDocuments(facts).map((spec) => renderSubject(renderer, facts, spec, options).body);
  assert.ok(bodies.some((body) => body.includes('<li><b>Li Ming</b> <span lang="zh" class="nw">李明</span>,')), 'Li Ming with 李明 in some people list');
  for (const body of bodies) assert.not.match(body, '[object Object]');
});

// Four loops nested: three on line 3, where the innermost, at column 43, spends the time.
const NESTED = [
  '<ul>',
  '{{#each @root.rows}}',
  '  {{#each @root.rows}}{{#each @root.rows}}{{#each @root.rows}}<li>{{this}}</li>{{/each}}{{/each}}{{/each}}',
  '{{/each}}',
  '</ul>',
].join('\n');
// The line as the message shows it: cut to 100 characters.
const NEAR = '{{#each @root.rows}}{{#each @root.rows}}{{#each @root.rows}}<li>{{this}}</li>{{/each}}{{/each}}{{...';
const rows = Array.from({ length: 100 }, (_, i) => i);
/** `{ rows: [...] }` a hundred wide and `depth` deep, for sections that open each level by name. */
const grid = (depth: number): object => ({ rows: depth === 0 ? rows : Array(100).fill(grid(depth - 1)) });

test('loops nested to a hundred million items stop at the time limit, naming the loop and the limit', () => {
  const started = performance.now();
  const error = renderError(set(NESTED), { rows }, { timeoutMs: 50 });
  assert.is(
    error.message,
    `templates/layouts/page.hbs:3:43  template failed: rendering took longer than 50 ms (--timeout), and was stopped in this loop  near: ${NEAR}`,
  );
  assert.ok(performance.now() - started < 2000, `stopped after ${Math.round(performance.now() - started)} ms`);
});

test('loops whose HTML grows past the size limit stop there, naming the loop and the limit', () => {
  const error = renderError(set(NESTED), { rows }, { maxHtmlChars: 10_000 });
  assert.is(
    error.message,
    `templates/layouts/page.hbs:3:43  template failed: the HTML grew past 10,000 characters, the limit for one document, and was stopped in this loop  near: ${NEAR}`,
  );
});

test('a {{#list}} section over an array is bounded as {{#each}} is', () => {
  const error = renderError(set('{{#rows}}{{#rows}}{{#rows}}\n{{#rows}}{{this}}{{/rows}}{{/rows}}{{/rows}}{{/rows}}'), grid(3), { timeoutMs: 50 });
  assert.is(
    error.message,
    'templates/layouts/page.hbs:2:1  template failed: rendering took longer than 50 ms (--timeout), and was stopped in this loop  near: {{#rows}}{{this}}{{/rows}}{{/rows}}{{/rows}}{{/rows}}',
  );
});

test('loops within the limits render as before', () => {
  const html = createRenderer(set('{{#each rows}}{{#each @root.rows}}{{this}}{{/each}};{{/each}}')).render('page', { rows: [1, 2] }, { timeoutMs: 1000, maxHtmlChars: 100 });
  assert.is(html, '12;12;');
});

test('Markdown nested past 100 levels is refused with the line of {{md}} and the start of the text', () => {
  const error = renderError(set('<p>\n{{md text}}\n</p>'), { text: `${'>'.repeat(100)} deep text` });
  assert.is(
    error.message,
    'templates/layouts/page.hbs:2:1  template failed: md cannot render this Markdown: it nests quotes or lists deeper than 100 levels, and what is below would be lost; the text starts ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>..."  near: {{md text}}',
  );
});

test('Markdown nested 99 levels deep still renders all its text', () => {
  const html = createRenderer(set('{{md text}}')).render('page', { text: `${'>'.repeat(99)} deep text` });
  assert.match(html, 'deep text');
});

test('lists nested 50 deep (100 levels) are refused too, not cut short', () => {
  const text = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
  const error = renderError(set('{{md text}}'), { text });
  assert.match(error.message, 'md cannot render this Markdown: it nests quotes or lists deeper than 100 levels');
  assert.match(error.message, 'the text starts "- item 0 - item 1 - item 2 - item 3 - it..."');
});

test.run();
