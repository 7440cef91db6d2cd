// One build at a time per output folder (issue 5 item 4): a lock with a clear message.
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError } from '../errors.js';
import { makeFolder } from './make-folder.js';

const LOCK_NAME = '.brief-build.lock';

/** Releases the lock; safe to call twice. */
export type ReleaseLock = () => Promise<void>;

/**
 * Locks `outDir` for this process, or fails at once naming the process that holds it.
 * The lock lives inside the folder: a build writes nothing outside its output folder.
 */
export async function lockOutput(outDir: string, { updateMs = 15_000 }: { updateMs?: number } = {}): Promise<ReleaseLock> {
  try {
    await makeFolder(outDir);
  } catch (error) {
    throw new OutputError(`cannot create the output folder ${outDir}: ${(error as Error).message}`, error);
  }
  // CommonJS: its exports are read from `default`, the one name both Node and the bundle give it.
  const lockfile = (await import('proper-lockfile')).default;
  const lockfilePath = join(outDir, LOCK_NAME);
  // The holder's pid lives inside the lock folder, so it can never outlive the lock itself.
  const pidPath = join(lockfilePath, 'pid');
  const options = {
    lockfilePath,
    retries: 0,
    // A long synchronous step (saving a large pack) must not make our own lock look stale.
    stale: 60_000,
    update: updateMs,
    onCompromised: () => {},
  };
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(outDir, options);
  } catch (error) {
    const pid = Number((await readFile(pidPath, 'utf8').catch(() => '')).trim()) || undefined;
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' && pid === undefined) {
      throw new OutputError(`cannot lock ${outDir}: ${(error as Error).message}`, error);
    }
    if (pid === undefined || isAlive(pid)) {
      // No cause: the message says all, and the CLI prints a cause chain.
      throw new OutputError(`another build is writing to ${outDir} (pid ${pid ?? 'unknown'})`);
    }
    // The build that held it was killed (SIGKILL cannot clean up): take the lock over at once.
    await rm(lockfilePath, { recursive: true, force: true });
    unlock = await lockfile.lock(outDir, options).catch(() => {
      throw new OutputError(`another build is writing to ${outDir}`);
    });
  }
  // Writing into the lock folder changes its mtime, which proper-lockfile compares with its own on
  // every update of the lock: put it back, or a build longer than one update interval finds its
  // lock "compromised", cannot release it, and leaves it behind to block the next build.
  const { atime, mtime } = await stat(lockfilePath);
  await writeFile(pidPath, `${process.pid}\n`).catch(() => {});
  await utimes(lockfilePath, atime, mtime).catch(() => {});
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await rm(pidPath, { force: true });
    await unlock().catch(() => {});
  };
}

/** True when a process with this id runs (on this machine). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
