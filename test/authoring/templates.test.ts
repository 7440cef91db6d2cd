import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { initTempProject, type TempProject } from './project.js';

let project: TempProject;
const THEME = 'my-theme';
const OVERRIDE = `{{#if bottomLine}}<section class="bottom-line verdict"><h2>Our verdict</h2>{{md bottomLine}}</section>{{/if}}\n`;

test.before(async () => {
  project = await initTempProject();
  // A theme folder holding one partial only: everything else must come from the bundled set.
  await mkdir(path.join(project.dir, THEME, 'partials'), { recursive: true });
  await writeFile(path.join(project.dir, THEME, 'partials/bottom-line.hbs'), OVERRIDE);
});
test.after(async () => {
  await project?.remove();
});

async function buildHtml(templates: string, out: string): Promise<string> {
  const result = project.brief(['build', '--format', 'html', '--programme', 'returning-engineers', '--templates', templates, '--out', out]);
  assert.is(result.code, 0, `${result.stdout}\n${result.stderr}`);
  return readFile(path.join(project.dir, out, 'programmes/returning-engineers/returning-engineers.html'), 'utf8');
}

test('a theme that overrides one partial changes that part of the output and leaves the rest', async () => {
  const bundled = await buildHtml('templates', 'out-bundled');
  const themed = await buildHtml(THEME, 'out-themed');
  assert.match(bundled, 'Key takeaways');
  assert.not.match(bundled, 'Our verdict');
  assert.match(themed, '<h2>Our verdict</h2>');
  assert.not.match(themed, 'Key takeaways', 'the bundled partial is replaced, not added to');
  // The rest still comes from the bundled layouts, partials and styles.
  for (const kept of ['Returning Engineers Scheme', 'Northvale Provincial Labour Office', 'What the scheme offers', '/* 10-base.css */']) {
    assert.match(themed, kept);
  }
  const strip = (html: string) => html.replace(/<section class="bottom-line[\s\S]*?<\/section>\s*(<section class="takeaways">[\s\S]*?<\/section>)?/, '');
  assert.is(strip(themed).length > 0.9 * strip(bundled).length, true, 'the rest of the document is still there');
});

test('brief templates marks the overridden partial and lists the rest as bundled', () => {
  const result = project.brief(['templates', '--templates', THEME]);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^partials\/bottom-line\.hbs\s+overridden$/m);
  assert.match(result.stdout, /^layouts\/brief\.hbs\s+bundled$/m);
  assert.match(result.stdout, /^styles\/10-base\.css\s+bundled$/m);
  const json = JSON.parse(project.brief(['templates', '--templates', THEME, '--json']).stdout) as {
    files: { path: string; origin: string; status: string }[];
  };
  const mine = json.files.filter((f) => f.origin === 'user');
  assert.equal(mine.map((f) => [f.path, f.status]), [['partials/bottom-line.hbs', 'overridden']]);
  assert.ok(json.files.length > 10);
});

test("brief templates in a new project sees init's copies as unchanged, and an edited one as overridden", async () => {
  const file = path.join(project.dir, 'templates/partials/title-block.hbs');
  await writeFile(file, `${await readFile(file, 'utf8')}\n<!-- edited -->\n`);
  const json = JSON.parse(project.brief(['templates', '--json']).stdout) as { files: { path: string; status: string }[] };
  const status = new Map(json.files.map((f) => [f.path, f.status]));
  assert.is(status.get('partials/title-block.hbs'), 'overridden');
  assert.is(status.get('partials/bottom-line.hbs'), 'unchanged copy');
  assert.is(status.get('pack/cover.hbs'), 'unchanged copy');
});

test.run();
