// One build at a time per output folder (issue 5 item 4): a lock with a clear message.
import { randomUUID } from 'node:crypto';
import { rmSync, type Stats } from 'node:fs';
import { readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LockedError, OutputError } from '../errors.js';
import { isProcessAlive } from '../fs/process-alive.js';
import { makeFolder } from '../fs/make-folder.js';

const LOCK_NAME = '.brief-build.lock';
/** What the holder's pid file says once its release could not remove the lock folder. */
const RELEASED = 'released';
/**
 * A holder writes its pid within moments of taking the lock: a lock without one that has not been
 * touched for this long is left over (an older version's, or a release that failed), not held.
 */
const PID_GRACE_MS = 5_000;

/** What making the lock folder answers in a folder this process cannot write in (mode bits, a read-only mount, chattr +i). */
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** The output folder cannot be written in, so no lock can be taken there (issue 20). */
export class ReadOnlyOutputError extends OutputError {
  constructor(outDir: string, code: string) {
    super(`the output folder ${outDir} is read-only (${code}): a build that has something to write needs to write there`);
  }
}

/** Releases the lock; safe to call twice. Never throws: resolves with a warning when it could not. */
export type ReleaseLock = () => Promise<string | undefined>;

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
  let unlock: (() => Promise<void>) | undefined;
  // A lock that vanishes between the attempt and the look at its holder (another build just took
  // it over or released it) is tried again: a few times, then it is a fault of its own.
  for (let attempt = 0; !unlock; attempt++) {
    try {
      unlock = await lockfile.lock(outDir, options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code && READ_ONLY_CODES.has(code)) throw new ReadOnlyOutputError(outDir, code);
      const holder = await readHolder(lockfilePath, pidPath);
      if (!holder) {
        if (attempt < 3) continue;
        throw new OutputError(`cannot lock ${outDir}: ${(error as Error).message}`, error);
      }
      if (isHeld(holder)) throw new LockedError(outDir, holder.pid);
      // Its holder was killed (SIGKILL cannot clean up) or could not remove it: take it over at once.
      await takeOverLock(lockfilePath, holder.folder, outDir);
      unlock = await lockfile.lock(outDir, options).catch(() => {
        throw new LockedError(outDir, undefined);
      });
    }
  }
  // Writing into the lock folder changes its mtime, which proper-lockfile compares with its own on
  // every update of the lock: put it back, or a build longer than one update interval finds its
  // lock "compromised", cannot release it, and leaves it behind to block the next build.
  try {
    const { atime, mtime } = await stat(lockfilePath);
    await writeFile(pidPath, `${process.pid}\n`);
    await utimes(lockfilePath, atime, mtime);
  } catch (error) {
    await unlock().catch(() => undefined);
    throw new OutputError(`cannot lock ${outDir}: ${(error as Error).message}`, error);
  }
  // A process ending at once (a second Ctrl-C calls process.exit) awaits nothing: the lock goes with it here.
  const removeOnExit = () => {
    try {
      rmSync(lockfilePath, { recursive: true, force: true });
    } catch {
      // The next build takes over a lock whose holder is gone.
    }
  };
  process.once('exit', removeOnExit);
  let released = false;
  return async () => {
    if (released) return undefined;
    released = true;
    process.off('exit', removeOnExit);
    try {
      await rm(pidPath, { force: true });
      await unlock();
      return undefined;
    } catch (error) {
      // Marked released, so the next build takes it over at once instead of thinking it held.
      await writeFile(pidPath, `${RELEASED}\n`).catch(() => undefined);
      return `cannot remove the lock ${lockfilePath}: ${(error as Error).message}; the next build takes it over`;
    }
  };
}

/** What a lock folder says of its holder, or undefined when there is no lock folder. */
interface Holder {
  folder: Stats;
  pid?: number;
  released: boolean;
}

async function readHolder(lockfilePath: string, pidPath: string): Promise<Holder | undefined> {
  const folder = await stat(lockfilePath).catch(() => undefined);
  if (!folder?.isDirectory()) return undefined;
  const text = (await readFile(pidPath, 'utf8').catch(() => '')).trim();
  return { folder, pid: Number(text) || undefined, released: text === RELEASED };
}

/** True while a live process holds the lock, or one is taking it right now (its pid not yet written). */
function isHeld(holder: Holder): boolean {
  if (holder.released) return false;
  if (holder.pid !== undefined) return isProcessAlive(holder.pid);
  return Date.now() - holder.folder.mtimeMs < PID_GRACE_MS;
}

/**
 * Removes a lock left over, `seen` as it was judged, by moving it aside first: of two builds
 * taking it over at once, only one moves that folder; the other finds it moved a fresh lock (not
 * the folder it judged) and puts it back, refused.
 */
export async function takeOverLock(lockfilePath: string, seen: Stats, outDir: string): Promise<void> {
  // Unique to this attempt: two take-overs in one process (the library, used twice at once) must not share it.
  const aside = `${lockfilePath}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(lockfilePath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another build removed it: try to lock
    throw new OutputError(`cannot take over the lock ${lockfilePath}: ${(error as Error).message}`, error);
  }
  // Judged again once moved: a fresh lock may have taken the old one's inode number.
  const moved = await readHolder(aside, join(aside, 'pid'));
  if (!moved || moved.folder.ino !== seen.ino || isHeld(moved)) {
    await rename(aside, lockfilePath).catch(() => undefined);
    throw new LockedError(outDir, moved?.pid);
  }
  await rm(aside, { recursive: true, force: true });
}
