// Loading a config file has a time limit and says what is wrong (issue 11): a JS config that never
// settles, loops, throws from a getter or exports no plain mapping, and a YAML or JSON config with an
// alias bomb, each end in one line naming the config file, exit 2, whatever the command.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/run-cli.js';

const DATA = fixture('facts/valid');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `brief ...` (the built CLI) in a project's sub-folder, so that the config is found in the folder above. */
function briefIn(cwd: string, args: string[], user: { uid?: number; gid?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/brief.js'), ...args], { cwd, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' }, ...user }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

/** A project folder holding one config file, and the sub-folder commands run in. */
async function project(name: string, text: string): Promise<{ dir: string; sub: string; config: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-config-load-'));
  const sub = path.join(dir, 'work');
  await mkdir(sub);
  await writeFile(path.join(dir, name), text);
  return { dir, sub, config: path.join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The commands that must each refuse a bad config; none may start work or exit 0. */
function everyCommand(out: string): string[][] {
  return [
    ['check', '--data', DATA],
    ['build', '--data', DATA, '--out', out, '--format', 'html'],
    ['list', '--data', DATA],
    ['config'],
  ];
}

test('a config whose default export never settles fails every command with exit 2, found in a parent folder', async () => {
  const p = await project('brief.config.mjs', 'export default await new Promise(() => {});\n');
  try {
    const runs = await Promise.all(everyCommand(path.join(p.dir, 'out')).map((args) => briefIn(p.sub, args)));
    for (const run of runs) {
      assert.is(run.code, 2, run.stderr);
      assert.is(run.stderr, `error: cannot load the config ${p.config}: it never finishes loading: it awaits a promise that nothing will settle\n`);
      assert.is(run.stdout, '');
    }
  } finally {
    await p.remove();
  }
});

test('a config still waiting, or looping forever, at the 5 s deadline fails with exit 2 instead of hanging', async () => {
  const waiting = await project('brief.config.mjs', 'export default await new Promise(() => setInterval(() => {}, 1000));\n');
  const looping = await project('brief.config.js', 'while (true) {}\n');
  try {
    const started = performance.now();
    const [check, build, loop] = await Promise.all([
      briefIn(waiting.sub, ['check', '--data', DATA]),
      briefIn(waiting.sub, ['build', '--data', DATA, '--out', path.join(waiting.dir, 'out'), '--format', 'html']),
      briefIn(looping.sub, ['check', '--data', DATA]),
    ]);
    const late = '(a loop that never ends, or an await that never settles?)';
    for (const run of [check, build]) {
      assert.is(run.code, 2, run.stderr);
      assert.is(run.stderr, `error: cannot load the config ${waiting.config}: it did not finish loading within 5 s ${late}\n`);
    }
    assert.is(loop.code, 2, loop.stderr);
    assert.is(loop.stderr, `error: cannot load the config ${looping.config}: it did not finish loading within 5 s ${late}\n`);
    assert.ok(performance.now() - started < 30_000, 'each gave up at its deadline');
  } finally {
    await waiting.remove();
    await looping.remove();
  }
});

/** Each config and the one line it must give (after "cannot load the config FILE: "). */
const BAD_EXPORTS: Array<[string, string]> = [
  ['export default { get paper() { throw new Error("no paper today"); } };', 'reading paper threw: no paper today'],
  ['export default { format: [() => "brief"] };', 'format[0] is a function; a config holds only strings, numbers, true or false, lists and mappings'],
  ['export default { concurrency: NaN };', 'concurrency is NaN; a config holds only strings, numbers, true or false, lists and mappings'],
  ['export default () => ({ paper: "a4" });', 'its default export is a function; export a mapping of settings: `export default { paper: "a4", ... }`'],
  ['export default class Settings {}', 'its default export is a class; export a mapping of settings: `export default { paper: "a4", ... }`'],
  ['export default Symbol("paper");', 'its default export is a symbol; export a mapping of settings: `export default { paper: "a4", ... }`'],
  ['export default new Map([["paper", "a4"]]);', 'its default export is a Map; export a mapping of settings: `export default { paper: "a4", ... }`'],
  ['export const paper = "a4";', 'it has no default export; write `export default { paper: "a4", ... }`'],
  ['export default { paper: "a4" ', 'SyntaxError: Unexpected end of input'],
  ['process.exit(0);', 'it stopped while loading (process.exit(0))'],
];

test('a config that throws, exports something other than a plain mapping or holds a function says so in one line', async () => {
  const projects = await Promise.all(BAD_EXPORTS.map(([text]) => project('brief.config.mjs', `${text}\n`)));
  try {
    const runs = await Promise.all(projects.map((p) => briefIn(p.sub, ['check', '--data', DATA])));
    runs.forEach((run, i) => {
      const [text, message] = BAD_EXPORTS[i]!;
      assert.is(run.code, 2, `${text}: ${run.stderr}`);
      assert.is(run.stderr, `error: cannot load the config ${projects[i]!.config}: ${message}\n`, text);
    });
  } finally {
    await Promise.all(projects.map((p) => p.remove()));
  }
});

test('a JS config with plain settings, or a promise of them, is read', async () => {
  const plain = await project('brief.config.mjs', 'export default { paper: "letter", format: ["one-pager"] };\n');
  const promised = await project('brief.config.js', 'module.exports = Promise.resolve({ author: "Config office" });\n');
  try {
    const [a, b] = await Promise.all([briefIn(plain.sub, ['config', '--json']), briefIn(promised.sub, ['config', '--json'])]);
    assert.is(a.code, 0, a.stderr);
    const settingsA = (JSON.parse(a.stdout) as { settings: Record<string, unknown> }).settings;
    assert.equal(settingsA.paper, { value: 'letter', from: 'config' });
    assert.equal(settingsA.format, { value: ['one-pager'], from: 'config' });
    assert.is(b.code, 0, b.stderr);
    assert.equal((JSON.parse(b.stdout) as { settings: Record<string, unknown> }).settings.author, { value: 'Config office', from: 'config' });
  } finally {
    await plain.remove();
    await promised.remove();
  }
});

test('a YAML or JSON config with an alias bomb is a usage error at the alias', async () => {
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]'];
  const yaml = await project('brief.config.yaml', `${laughs.join('\n')}\n`);
  const json = await project('brief.config.json', `{ "x": &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],\n  "y": &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a],\n  "z": [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b] }\n`);
  try {
    const bomb = 'YAML: aliases expand too far here (more than 1000 copies, as in an alias bomb); write the values out';
    const [y, j] = await Promise.all([briefIn(yaml.sub, ['list', '--data', DATA]), briefIn(json.sub, ['check', '--data', DATA])]);
    assert.is(y.code, 2, y.stderr);
    assert.is(y.stderr, `error: ${yaml.config}:5:5  ${bomb}\n`);
    assert.is(j.code, 2, j.stderr);
    assert.is(j.stderr, `error: ${json.config}:3:9  ${bomb}\n`);
  } finally {
    await yaml.remove();
    await json.remove();
  }
});

test('an empty path in a config file (out: "") is a usage error at its key, not the config\'s own folder', async () => {
  const empty = await project('brief.config.yaml', 'paper: a4\nout: ""\n');
  try {
    const result = await briefIn(empty.sub, ['build', '--data', DATA]);
    assert.is(result.code, 2, result.stderr);
    assert.is(result.stderr, `error: ${empty.config}:2:1  out is empty: it wants a path\n`);
  } finally {
    await empty.remove();
  }
});

test('a config that is a link to nothing, or that the user cannot read, is a usage error naming it', async () => {
  const dangling = await project('brief.config.yaml', '');
  const locked = await project('brief.config.yaml', 'paper: letter\n');
  try {
    await rm(dangling.config);
    await symlink('nowhere.yaml', dangling.config);
    await chmod(locked.dir, 0o755);
    await chmod(locked.sub, 0o755);
    await chmod(locked.config, 0o000);
    // Root reads any file: as root, the CLI runs as "nobody", to whom the file is unreadable.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const [d, l] = await Promise.all([briefIn(dangling.sub, ['check', '--data', DATA]), briefIn(locked.sub, ['check', '--data', DATA], asUser)]);
    assert.is(d.code, 2, d.stderr);
    assert.is(d.stderr, `error: cannot read the config ${dangling.config}: it does not exist\n`);
    assert.is(l.code, 2, l.stderr);
    assert.is(l.stderr, `error: cannot read the config ${locked.config}: permission denied\n`);
  } finally {
    await dangling.remove();
    await locked.remove();
  }
});

test.run();
