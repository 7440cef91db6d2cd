// Issue 11: a lock left over (its release failed, or it has no holder pid and nobody refreshes it)
// is taken over at once; a lock held by a live build, or being taken right now, is not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lockOutput, takeOverLock } from '../../src/batch/lock.js';
import { LockedError } from '../../src/errors.js';
import { finished, makeWorkspace, spawnBrief } from './helpers/build-fixture.js';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
test.before.each(async () => {
  ws = await makeWorkspace();
});
test.after.each(async () => ws.remove());

const lockFolder = () => path.join(ws.out, '.brief-build.lock');
const brief = (...args: string[]) => finished(spawnBrief(['build', '--data', ws.data, '--out', ws.out, '--format', 'one-pager', ...args]));

/** Makes a folder unwritable, even for root (chattr +i), where chattr works; undoes it after `work`. */
async function withImmutable<T>(folder: string, work: () => Promise<T>): Promise<T | undefined> {
  if (spawnSync('chattr', ['+i', folder]).status !== 0) return undefined;
  try {
    return await work();
  } finally {
    spawnSync('chattr', ['-i', folder]);
  }
}

test('a release that cannot remove the lock (the output folder made read-only) says so, and the next build takes the lock at once', async () => {
  const release = await lockOutput(ws.out);
  const warning = await withImmutable(ws.out, () => release());
  if (warning === undefined) return; // no chattr here: nothing can make the folder read-only to root
  assert.is(
    warning,
    `cannot remove the lock ${lockFolder()}: EPERM: operation not permitted, rmdir '${lockFolder()}'; the next build takes it over`,
  );
  assert.ok(existsSync(lockFolder()), 'the lock folder is still there');
  assert.is(await readFile(path.join(lockFolder(), 'pid'), 'utf8'), 'released\n');

  const result = await brief('--programme', 'alpha');
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^built programmes\/alpha\/alpha-one-pager\.pdf /m);
  assert.not.ok(existsSync(lockFolder()), 'and released it');
});

test('a lock folder with no holder pid, untouched for ten seconds, is left over: the next build takes it', async () => {
  await mkdir(lockFolder(), { recursive: true });
  const tenSecondsAgo = new Date(Date.now() - 10_000);
  await utimes(lockFolder(), tenSecondsAgo, tenSecondsAgo);
  const result = await brief('--programme', 'alpha');
  assert.is(result.code, 0, result.stderr);
  assert.not.ok(existsSync(lockFolder()));
});

test('a lock folder with no holder pid, made just now, is a build taking it: refused, exit 4', async () => {
  await mkdir(lockFolder(), { recursive: true });
  const result = await brief('--programme', 'alpha');
  assert.is(result.code, 4);
  assert.is(result.stderr, `error: another build is writing to ${ws.out} (pid unknown)\n`);
  assert.ok(existsSync(lockFolder()), 'not taken from it');
});

test('of two builds taking over one left-over lock at once, exactly one gets it', async () => {
  for (let round = 0; round < 5; round++) {
    await mkdir(lockFolder(), { recursive: true });
    await writeFile(path.join(lockFolder(), 'pid'), 'released\n');
    const outcomes = await Promise.allSettled([lockOutput(ws.out), lockOutput(ws.out)]);
    const held = outcomes.filter((o): o is PromiseFulfilledResult<() => Promise<string | undefined>> => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    assert.is(held.length, 1, `round ${round}: one holder`);
    assert.instance(refused[0]?.reason, LockedError);
    assert.is(await held[0]!.value(), undefined, 'released cleanly');
    assert.equal((await readdir(ws.out)).filter((name) => name.startsWith('.brief-build.lock')), [], 'nothing of the lock left');
  }
});

test('a build that judged a lock left over, but finds another build took it over meanwhile, leaves that lock alone', async () => {
  await mkdir(lockFolder(), { recursive: true });
  await writeFile(path.join(lockFolder(), 'pid'), 'released\n');
  const judged = await stat(lockFolder());
  // Another build takes the left-over lock over first.
  const release = await lockOutput(ws.out);
  try {
    const late = await takeOverLock(lockFolder(), judged, ws.out).then(() => undefined, (error: unknown) => error);
    assert.instance(late, LockedError);
    assert.is(await readFile(path.join(lockFolder(), 'pid'), 'utf8'), `${process.pid}\n`, 'the other build still holds its lock');
    assert.equal((await readdir(ws.out)).filter((name) => name.startsWith('.brief-build.lock')), ['.brief-build.lock']);
  } finally {
    await release();
  }
});

test.run();
