// One build at a time per output folder (issue 5 item 4): a lock with a clear message.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError } from '../errors.js';

const LOCK_NAME = '.brief-build.lock';
const PID_NAME = '.brief-build.pid';

/** Releases the lock; safe to call twice. */
export type ReleaseLock = () => Promise<void>;

/**
 * Locks `outDir` for this process, or fails at once naming the process that holds it.
 * The lock lives inside the folder: a build writes nothing outside its output folder.
 */
export async function lockOutput(outDir: string): Promise<ReleaseLock> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new OutputError(`cannot create the output folder ${outDir}: ${(error as Error).message}`, error);
  }
  const lockfile = await import('proper-lockfile');
  const lockfilePath = join(outDir, LOCK_NAME);
  const pidPath = join(outDir, PID_NAME);
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(outDir, {
      lockfilePath,
      retries: 0,
      // A long synchronous step (saving a large pack) must not make our own lock look stale.
      stale: 60_000,
      update: 15_000,
      onCompromised: () => {},
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      const pid = await readFile(pidPath, 'utf8').catch(() => '');
      throw new OutputError(`another build is writing to ${outDir} (pid ${pid.trim() || 'unknown'})`, error);
    }
    throw new OutputError(`cannot lock ${outDir}: ${(error as Error).message}`, error);
  }
  await writeFile(pidPath, `${process.pid}\n`).catch(() => {});
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await rm(pidPath, { force: true });
    await unlock().catch(() => {});
  };
}
