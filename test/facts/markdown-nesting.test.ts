// Markdown nested past markdown-it's limit of 100 levels, which drops the text past it, is a
// problem at its field (issue 11); the fields checked are the ones the schema marks as Markdown.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MARKDOWN_FIELDS } from '../../src/facts/markdown-fields.js';
import { DataFile } from '../../src/facts/schema.js';
import { copyFixture, fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

test('Markdown nested past 100 levels, by quotes, lists or tab-indented lists, is a problem at its field', async () => {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    const file = path.join(dir, 'deep-markdown.yaml');
    await copyFile(fixture('facts/refused/deep-markdown.yaml'), file);
    const result = runCli(['check', '--data', dir]);
    assert.is(result.code, 1, result.stderr);
    const deep = 'Markdown nested more than 100 levels deep (quotes and lists within each other): markdown-it leaves out the text past that depth';
    // The 49 lists of the "Fewer lists" section (98 levels) are rendered whole: no problem.
    assert.equal(result.stderr.trimEnd().split('\n'), [
      `${file}:4:16  claims[0].statement  ${deep}`,
      `${file}:16:15  topics[0].sections[0].body  ${deep}`,
      `${file}:124:12  timeline[0].event  ${deep}`,
      '3 problems found',
    ]);
  } finally {
    await remove();
  }
});

interface SchemaNode {
  contentMediaType?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

/** Every place the schema marks as Markdown, as a path with `*` for each item of a list. */
function markdownPlaces(node: SchemaNode, at: string): string[] {
  if (node.contentMediaType === 'text/markdown') return [at];
  if (node.items) return markdownPlaces(node.items, `${at}.*`);
  const children = Object.entries(node.properties ?? {}).flatMap(([key, child]) => markdownPlaces(child, at ? `${at}.${key}` : key));
  return [...children, ...(node.anyOf ?? []).flatMap((branch) => markdownPlaces(branch, at))];
}

test('the Markdown fields checked are exactly those the schema marks as Markdown', () => {
  assert.equal([...MARKDOWN_FIELDS].sort(), markdownPlaces(DataFile as SchemaNode, '').sort());
});

test.run();
