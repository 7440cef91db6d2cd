// Every word the documents print comes from templates/labels.yaml (issue 13, item 6), which a
// templates folder overrides key by key; a wrong key is one line naming its file and line.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TemplateError } from '../../src/errors.js';
import { createRenderer } from '../../src/render/renderer.js';
import { bundledTemplatesDir, readTemplateSet, type TemplateSet } from '../../src/render/template-set.js';
import { writeFiles } from '../helpers/write-files.js';

let dir: string;
test.before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brief-labels-'));
});
test.after(() => rm(dir, { recursive: true, force: true }));

const folder = (name: string, files: Record<string, string>) => writeFiles(path.join(dir, name), files);

function readError(templates: string): string {
  try {
    readTemplateSet(templates, bundledTemplatesDir());
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
  throw new Error('read without an error');
}

const page = (set: TemplateSet, source: string): TemplateSet => ({
  ...set,
  layouts: { page: { name: 'page', file: 'templates/layouts/page.hbs', source } },
});

test('a templates folder re-words single labels and takes the rest from the bundled file', async () => {
  const templates = await folder('reworded', { 'labels.yaml': 'heading:\n  notes: Endnotes\n' });
  const set = readTemplateSet(templates, bundledTemplatesDir());
  const html = createRenderer(page(set, '{{label "heading.notes"}} / {{label "heading.sources"}} / {{label "status" "active"}}')).render('page', {});
  assert.is(html, 'Endnotes / Sources / Active');
});

test('a label with forms for counts takes the one the language calls for, the count written as the language writes it', () => {
  const set = readTemplateSet(bundledTemplatesDir());
  const renderer = createRenderer(page(set, '{{label "one-pager.more-takeaways" n}}'));
  assert.is(renderer.render('page', { n: 1 }), '1 more takeaway in the brief');
  assert.is(renderer.render('page', { n: 2 }), '2 more takeaways in the brief');
  assert.is(renderer.render('page', { n: 12000 }, { lang: 'it' }), '12.000 more takeaways in the brief');
});

test('placeholders are filled from name=value arguments', () => {
  const set = readTemplateSet(bundledTemplatesDir());
  const html = createRenderer(page(set, '{{label "document.edition" edition="2"}}')).render('page', {});
  assert.is(html, 'Edition 2');
});

test('a key the bundled labels do not have is refused at its line, with the key it may have meant', async () => {
  const templates = await folder('typo', { 'labels.yaml': '# Our wording\nheading:\n  note: Endnotes\n' });
  assert.is(
    readError(templates),
    `${path.join(templates, 'labels.yaml')}:3:3  unknown label "heading.note"; did you mean "heading.notes"?`,
  );
});

test('a placeholder a label does not take is refused at its line, naming those it takes', async () => {
  const templates = await folder('placeholder', { 'labels.yaml': 'document:\n  page-number: "Seite {seite} von {pages}"\n' });
  assert.is(readError(templates), `${path.join(templates, 'labels.yaml')}:2:3  label "document.page-number" uses {seite}; it takes {page}, {pages}`);
});

test('a misspelled plural category is named at its own line, with the categories there are', async () => {
  const templates = await folder('plural-typo', {
    'labels.yaml': '# Our wording\npack:\n  documents:\n    one: "1 paper"\n    sevral: "{count} papers"\n    other: "{count} papers"\n',
  });
  assert.is(
    readError(templates),
    `${path.join(templates, 'labels.yaml')}:5:5  unknown plural category "sevral" for pack.documents; expected one of zero, one, two, few, many, other`,
  );
});

test('a plural category in capitals is named at its line, with the one it may have meant', async () => {
  const templates = await folder('plural-case', { 'labels.yaml': 'pack:\n  documents:\n    One: "1 paper"\n    other: "{count} papers"\n' });
  assert.is(
    readError(templates),
    `${path.join(templates, 'labels.yaml')}:3:5  unknown plural category "One" for pack.documents; expected one of zero, one, two, few, many, other (did you mean "one"?)`,
  );
});

test('plural forms alone, every one misspelled, are still read as the forms of the label the bundled file has', async () => {
  const templates = await folder('plural-all-wrong', { 'labels.yaml': 'pack:\n  documents:\n    singular: "1 paper"\n    plural: "{count} papers"\n' });
  assert.is(
    readError(templates),
    `${path.join(templates, 'labels.yaml')}:3:5  unknown plural category "singular" for pack.documents; expected one of zero, one, two, few, many, other`,
  );
});

test('plural forms for a label that takes no count are refused at its line', async () => {
  const templates = await folder('plural-no-count', { 'labels.yaml': 'heading:\n  notes:\n    one: Note\n    other: Notes\n' });
  assert.is(
    readError(templates),
    `${path.join(templates, 'labels.yaml')}:2:3  label "heading.notes" takes no count, so it has no plural forms; give it one text`,
  );
});

test('a translation giving plural forms for a label that takes no count is refused at its line too', async () => {
  const templates = await folder('plural-no-count-fr', { 'languages/fr.yaml': 'pack:\n  contents:\n    one: Sommaire\n    other: Sommaires\n' });
  assert.is(
    readError(templates),
    `${path.join(templates, 'languages/fr.yaml')}:2:3  label "pack.contents" takes no count, so it has no plural forms; give it one text`,
  );
});

test('a group of labels with a key named "other" stays a group when one of its labels is re-worded', async () => {
  const templates = await folder('group-other', { 'labels.yaml': 'level:\n  other: Another level\n' });
  const set = readTemplateSet(templates, bundledTemplatesDir());
  assert.is(set.labels.text('level.other', {}, 'en'), 'Another level');
});

test('a label that is not text is refused at its line', async () => {
  const templates = await folder('number', { 'labels.yaml': 'level:\n  national: 3\n' });
  assert.is(readError(templates), `${path.join(templates, 'labels.yaml')}:2:13  label "level.national" must be text (quote it if it is a number or yes/no)`);
});

test('a template asking for a label no file has fails with the template file and line', () => {
  const set = readTemplateSet(bundledTemplatesDir());
  try {
    createRenderer(page(set, '<h2>\n{{label "heading.apendix"}}</h2>')).render('page', {});
    assert.unreachable('rendered');
  } catch (error) {
    assert.instance(error, TemplateError);
    assert.is(
      (error as Error).message,
      `templates/layouts/page.hbs:2:1  template failed: label wants a label "heading.apendix", which ${path.join(bundledTemplatesDir(), 'labels.yaml')} does not have  near: {{label "heading.apendix"}}</h2>`,
    );
  }
});

test.run();
