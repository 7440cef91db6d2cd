// Reading the data folder (issue 11): links are followed within it and reported when they lead out
// of it, nowhere or round in a loop; what cannot be read is a problem at that file or folder.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

/** The valid fixture's source names no text: its excerpts are counted, not verified, without --source. */
const UNVERIFIED = '3 excerpts and 1 quote not verified: no text for lakeside-news (give the source a text: or use --source FILE)';

/** The valid fixture (claims.yaml, meta.yaml, programmes.yaml) in a temporary folder. */
async function withData(run: (data: string) => Promise<void>): Promise<void> {
  const { dir, remove } = await copyFixture('facts/valid');
  try {
    await run(dir);
  } finally {
    await remove();
  }
}

/**
 * Root reads any file whatever its mode, so as root the CLI runs as "nobody" (uid 65534) for the
 * permission tests: a file made unreadable with chmod 000 is then unreadable to it, as to a user.
 */
const AS_A_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

test('a data file that is a link to a file inside the data folder is read as that file', () =>
  withData(async (data) => {
    await mkdir(path.join(data, '.store'));
    await rename(path.join(data, 'programmes.yaml'), path.join(data, '.store/programmes.yaml'));
    await symlink('.store/programmes.yaml', path.join(data, 'programmes.yaml'));
    const check = runCli(['check', '--data', data]);
    assert.is(check.code, 0, check.stderr);
    assert.is(check.stdout, `ok: 3 files, 2 programmes, 1 topic, 4 claims; ${UNVERIFIED}\n`);
    const list = runCli(['list', 'programmes', '--data', data]);
    assert.is(list.code, 0, list.stderr);
    assert.match(list.stdout, /^programme {2}lantern /m);
    assert.match(list.stdout, /^programme {2}beacon /m);
  }));

test('a link to a folder inside the data folder is read; a second way to a file already read adds nothing', () =>
  withData(async (data) => {
    await mkdir(path.join(data, '.drafts/programmes'), { recursive: true });
    await rename(path.join(data, 'programmes.yaml'), path.join(data, '.drafts/programmes/programmes.yaml'));
    await symlink('.drafts/programmes', path.join(data, 'programmes'));
    // Both name files read anyway: under their own paths, each once (no duplicate ids).
    await symlink('claims.yaml', path.join(data, 'same-claims.yaml'));
    await symlink('programmes', path.join(data, 'programmes-again'));
    const check = runCli(['check', '--data', data]);
    assert.is(check.code, 0, check.stderr);
    assert.is(check.stdout, `ok: 3 files, 2 programmes, 1 topic, 4 claims; ${UNVERIFIED}\n`);
  }));

test('links out of the data folder, to nothing, or round in a loop are each a problem, and the other files are still read', async () => {
  const outside = await mkdtemp(path.join(os.tmpdir(), 'brief-outside-'));
  try {
    await writeFile(path.join(outside, 'topics.yaml'), 'topics: []\n');
    await withData(async (data) => {
      await symlink(path.join(outside, 'topics.yaml'), path.join(data, 'topics.yaml'));
      await symlink(outside, path.join(data, 'shared'));
      await symlink('gone.yaml', path.join(data, 'dangling.yaml'));
      await mkdir(path.join(data, 'regions'));
      await symlink('..', path.join(data, 'regions/up'));
      await symlink('self', path.join(data, 'self'));
      // Not a data file: a dangling link by another name is none of the data's business.
      await symlink('gone.txt', path.join(data, 'notes.txt'));
      const check = runCli(['check', '--data', data]);
      assert.is(check.code, 1, check.stderr);
      assert.is(
        check.stderr,
        [
          `${data}/dangling.yaml:1:1  (file)  is a symbolic link to gone.yaml, which does not exist`,
          `${data}/regions/up:1:1  (folder)  is a symbolic link to ${data}, a folder that holds the link itself: it loops`,
          `${data}/self:1:1  (file)  is a symbolic link that leads back to itself: it loops`,
          `${data}/shared:1:1  (folder)  is a symbolic link to ${outside}, outside the data folder; only links within it are followed`,
          `${data}/topics.yaml:1:1  (file)  is a symbolic link to ${outside}/topics.yaml, outside the data folder; only links within it are followed`,
          '5 problems found',
          '',
        ].join('\n'),
      );
    });
  } finally {
    await rm(outside, { recursive: true, force: true });
  }
});

test('a data file the user cannot read is a problem at that file, for check and for build alike', () =>
  withData(async (data) => {
    await chmod(data, 0o755);
    await chmod(path.join(data, 'claims.yaml'), 0o000);
    const out = await mkdtemp(path.join(os.tmpdir(), 'brief-unreadable-out-'));
    try {
      await chmod(out, 0o777);
      const expected = `${data}/claims.yaml:1:1  (file)  cannot read: permission denied`;
      const check = runCli(['check', '--data', data], AS_A_USER);
      assert.is(check.code, 1, check.stderr);
      assert.is(check.stderr, `${expected}\n1 problem found\n`);
      const build = runCli(['build', '--data', data, '--out', out, '--format', 'html'], AS_A_USER);
      assert.is(build.code, 1, build.stderr);
      assert.is(build.stderr, `error: ${expected}\n`);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }));

test('an unreadable folder is a problem naming it, and the readable files are still read and checked', () =>
  withData(async (data) => {
    await chmod(data, 0o755);
    await mkdir(path.join(data, 'locked'));
    await writeFile(path.join(data, 'locked/more.yaml'), 'people: []\n');
    await chmod(path.join(data, 'locked'), 0o000);
    // A readable file with a mistake: still read, still checked.
    await writeFile(path.join(data, 'typo.yaml'), 'poeple: []\n');
    const check = runCli(['check', '--data', data], AS_A_USER);
    assert.is(check.code, 1, check.stderr);
    assert.is(
      check.stderr,
      [
        `${data}/locked:1:1  (folder)  cannot read this folder: permission denied; the files in it are not read`,
        `${data}/typo.yaml:1:1  poeple  unknown field "poeple"; did you mean "people"?`,
        '2 problems found',
        '',
      ].join('\n'),
    );
  }));

test('a pipe named like a data file is a problem, not a read that waits for ever', () =>
  withData(async (data) => {
    execFileSync('mkfifo', [path.join(data, 'pipe.yaml'), path.join(data, 'pipe.txt')]);
    const check = runCli(['check', '--data', data], { timeout: 20_000 });
    assert.is(check.code, 1, check.stderr);
    assert.is(check.stderr, `${data}/pipe.yaml:1:1  (file)  is not a regular file (a pipe, socket or device), so it is not read\n1 problem found\n`);
  }));

test('a build notices a change made to a data file through its link', () =>
  withData(async (data) => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'brief-linked-out-'));
    try {
      await mkdir(path.join(data, '.store'));
      await rename(path.join(data, 'programmes.yaml'), path.join(data, '.store/programmes.yaml'));
      await symlink('.store/programmes.yaml', path.join(data, 'programmes.yaml'));
      const args = ['build', '--data', data, '--out', out, '--format', 'html'];
      assert.is(runCli(args).code, 0);
      assert.match(runCli(args).stdout, /^nothing changed: 3 documents up to date/m);
      await writeFile(path.join(data, '.store/programmes.yaml'), 'programmes: []\n');
      const rebuilt = runCli(args);
      assert.is(rebuilt.code, 1, rebuilt.stdout);
      assert.match(rebuilt.stderr, /refers to programme "lantern", which is not in the data/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }));

test.run();
