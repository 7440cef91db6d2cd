// YAML aliases in data (issue 11): an alias bomb, an alias to nothing and an alias inside the value it
// names are each a problem at the alias, exit 1, never a stack trace; ordinary aliases still work.
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFixture, fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

/** The valid fixture's source names no text: its excerpts are counted, not verified, without --source. */
const UNVERIFIED = '3 excerpts and 1 quote not verified: no text for lakeside-news (give the source a text: or use --source FILE)';

/** `brief check` on the valid fixture plus one file from test/fixtures/facts/refused. */
async function checkWith(name: string) {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    await copyFile(fixture('facts/refused', name), path.join(dir, name));
    return { ...runCli(['check', '--data', dir]), file: path.join(dir, name) };
  } finally {
    await remove();
  }
}

test('an alias bomb is a problem at the alias that expands most, not a stack trace', async () => {
  const result = await checkWith('alias-bomb.yaml');
  assert.is(result.code, 1, result.stderr);
  assert.is(
    result.stderr,
    `${result.file}:7:10  (file)  YAML: aliases expand too far here (more than 1000 copies, as in an alias bomb); write the values out\n1 problem found\n`,
  );
});

test('an alias that names no anchor is a problem at the alias', async () => {
  const result = await checkWith('unknown-alias.yaml');
  assert.is(result.code, 1, result.stderr);
  assert.is(result.stderr, `${result.file}:3:11  (file)  YAML: alias *name names no anchor &name set before it\n1 problem found\n`);
});

test('an alias inside the value it names is a problem at the alias', async () => {
  const result = await checkWith('alias-inside-itself.yaml');
  assert.is(result.code, 1, result.stderr);
  assert.is(result.stderr, `${result.file}:4:11  (file)  YAML: alias *meta stands inside the value it names, which would hold itself\n1 problem found\n`);
});

test('ordinary anchors and aliases still give their values', async () => {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    await writeFile(
      path.join(dir, 'people.yaml'),
      'people:\n  - { id: a-one, name: A. One, role: &role talent officer, confidence: &sure high }\n  - { id: b-two, name: B. Two, role: *role, confidence: *sure }\n',
    );
    const result = runCli(['check', '--data', dir]);
    assert.is(result.code, 0, result.stderr);
    assert.is(result.stdout, `ok: 4 files, 2 programmes, 1 topic, 4 claims; ${UNVERIFIED}\n`);
  } finally {
    await remove();
  }
});

test.run();
