// The pack's cover and contents are read and rendered as every template is (issue 12): the same
// checks, the same helpers, errors naming the file and line.
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TemplateError } from '../../src/errors.js';
import { renderFrontMatter, type FrontMatterView } from '../../src/render/front-matter.js';
import { createRenderer } from '../../src/render/renderer.js';
import { bundledTemplatesDir, readTemplateSet } from '../../src/render/template-set.js';
import { writeFiles } from '../helpers/write-files.js';

const VIEW: FrontMatterView = {
  title: 'A briefing series',
  audience: null,
  asOf: '2023-08-24',
  edition: null,
  author: 'An office',
  distribution: null,
  documentCount: 2,
  groups: [{ kind: 'programme', entries: [{ title: 'Alpha: brief', format: 'brief', page: 3, href: 'briefing-pack:page/3' }] }],
  previousAsOf: null,
  changed: [],
};
const METADATA = { title: 'A briefing series: briefing pack', author: 'An office', subject: '', keywords: [], creator: 'x', producer: 'x', language: 'en-GB', date: new Date(0) };

async function theme(files: Record<string, string>): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-pack-theme-'));
  await writeFiles(dir, files);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

test('the bundled cover shows the as-of date as the date helper writes it', () => {
  const set = readTemplateSet(bundledTemplatesDir());
  const doc = renderFrontMatter(createRenderer(set), set, VIEW, 'a4', METADATA);
  assert.match(doc.body, '<p class="pack-asof">As of 24 August 2023</p>');
  assert.match(doc.body, '<span class="pack-toc-title">Alpha: brief</span>');
  assert.match(doc.pageCss, /^@page \{ size: A4; \}\n/);
});

test('a pack template with a <meta http-equiv="refresh"> is refused as the templates are read, naming its line', async () => {
  const { dir, remove } = await theme({ 'pack/cover.hbs': '<section>\n  <meta http-equiv="refresh" content="0">\n</section>\n' });
  try {
    assert.throws(
      () => readTemplateSet(dir, bundledTemplatesDir()),
      (error: Error) =>
        error instanceof TemplateError &&
        error.message ===
          `${path.join(dir, 'pack/cover.hbs')}:2:3  template refused: a <meta http-equiv="refresh"> would send the page elsewhere before it is printed; remove it  near: <meta http-equiv="refresh" content="0">`,
    );
  } finally {
    await remove();
  }
});

test('a pack template that is a link out of the templates folder is refused, naming both', async () => {
  const { dir, remove } = await theme({ 'outside/secret.hbs': 'SECRET' });
  const templates = path.join(dir, 'theme');
  try {
    await mkdir(path.join(templates, 'pack'), { recursive: true });
    await symlink(path.join(dir, 'outside/secret.hbs'), path.join(templates, 'pack/contents.hbs'));
    assert.throws(
      () => readTemplateSet(templates, bundledTemplatesDir()),
      (error: Error) => error.message === `${path.join(templates, 'pack/contents.hbs')} is a link to ${path.join(dir, 'outside/secret.hbs')}, outside the templates folder ${templates}`,
    );
  } finally {
    await remove();
  }
});

test('a pack template naming a field its view lacks fails with the file and line, as document templates do', async () => {
  const { dir, remove } = await theme({ 'pack/contents.hbs': '<ol>\n{{#each groups}}<li>{{kind}} {{pages}}</li>{{/each}}\n</ol>\n' });
  try {
    const set = readTemplateSet(dir, bundledTemplatesDir());
    assert.throws(
      () => renderFrontMatter(createRenderer(set), set, VIEW, 'a4', METADATA),
      (error: Error) =>
        error instanceof TemplateError &&
        error.message === `${path.join(dir, 'pack/contents.hbs')}:2:32  template failed: "pages" is not in the view model  near: {{#each groups}}<li>{{kind}} {{pages}}</li>{{/each}}`,
    );
  } finally {
    await remove();
  }
});

test.run();
