// Dates are calendar dates wherever the data holds one, and YAML's .nan and .inf are named as the
// file spells them (issue 11).
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DataFile } from '../../src/facts/schema.js';
import { copyFixture, fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

/** `brief check` on the valid fixture plus one file from test/fixtures/facts/refused: its problem lines. */
async function problemsOf(name: string): Promise<{ code: number | null; lines: string[]; file: string }> {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    await copyFile(fixture('facts/refused', name), path.join(dir, name));
    const result = runCli(['check', '--data', dir]);
    return { code: result.code, lines: result.stderr.trimEnd().split('\n'), file: path.join(dir, name) };
  } finally {
    await remove();
  }
}

test('a date that is not on the calendar is refused wherever a date stands, naming the month and its length', async () => {
  const { code, lines, file } = await problemsOf('impossible-dates.yaml');
  assert.is(code, 1);
  assert.equal(lines, [
    `${file}:2:29  meta.asOf  expected a date that exists: February 2023 has 28 days; got "2023-02-29"`,
    `${file}:4:74  sources[0].date  expected a date that exists: April 2023 has 30 days; got "2023-04-31"`,
    `${file}:9:62  sources[1].rates[0].date  expected a date that exists: June 2023 has 30 days; got "2023-06-31"`,
    `${file}:28:25  programmes[0].dates.launched.date  expected a date that exists: June 2021 has 30 days; got "2021-06-31"`,
    `${file}:29:22  programmes[0].dates.ended.date  expected a date that exists: there is no day 00; got "2022-11-00"`,
    `${file}:30:29  programmes[0].dates.lastEvidence.date  expected a date that exists: February 2023 has 28 days; got "2023-02-30"`,
    `${file}:36:106  programmes[0].incentives[0].rate.date  expected a date that exists: September 2023 has 30 days; got "2023-09-31"`,
    `${file}:32:55  programmes[0].scale[0].asOf  expected a date that exists: September 2019 has 30 days; got "2019-09-31"`,
    `${file}:33:47  programmes[0].scale[1].asOf  expected a date that exists: November 2019 has 30 days; got "2019-11-31"`,
    `${file}:34:45  programmes[0].scale[2].asOf  expected a date that exists: February 2100 has 28 days; got "2100-02-29"`,
    `${file}:15:11  claims[0].date  expected a date that exists: February 1900 has 28 days; got "1900-02-29"`,
    `${file}:17:27  claims[0].figures[0].asOf  expected a date that exists: there is no month 13; got "2023-13-01"`,
    `${file}:38:31  timeline[0].date  expected a date that exists: February 2022 has 28 days; got "2022-02-29"`,
    `${file}:39:33  timeline[1].date  expected a date that exists: there is no month 13; got "2022-13"`,
    '14 problems found',
  ]);
});

test('the impossible-dates fixture puts a bad date in every place the schema holds a date', async () => {
  const { lines } = await problemsOf('impossible-dates.yaml');
  const tested = new Set(lines.map((line) => line.split('  ')[1]?.replace(/\[\d+\]/g, '.*')).filter(Boolean));
  assert.equal([...tested].sort(), datePlaces(DataFile as SchemaNode, '').sort());
});

test('.nan, .inf and -.inf where a number is expected are named as the file spells them (.NaN, .Inf)', async () => {
  const { code, lines, file } = await problemsOf('non-finite-numbers.yaml');
  assert.is(code, 1);
  assert.equal(lines, [
    `${file}:22:14  programmes[0].incentives[0].min  expected a finite number, got -.inf`,
    `${file}:23:14  programmes[0].incentives[0].max  expected a finite number, got .Inf`,
    `${file}:24:23  programmes[0].incentives[0].rate.rate  expected a finite number, got .NaN`,
    `${file}:7:11  claims[0].date  expected a date like "2019", "2022-10" or "2023-08-24", got .inf`,
    `${file}:9:18  claims[0].figures[0].value  expected a finite number, "unknown", "a few", "several", "dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands" or "millions", got .nan`,
    '5 problems found',
  ]);
});

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: Array<{ format?: string }>;
}

/** Every place in the schema that holds a date (`claims.*.date`), found by its date-format branch. */
function datePlaces(node: SchemaNode, at: string): string[] {
  if (node.anyOf?.some((branch) => branch.format === 'date')) return [at];
  if (node.items) return datePlaces(node.items, `${at}.*`);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => datePlaces(child, at ? `${at}.${key}` : key));
}

test.run();
