// One temporary folder per browser session (issue 11): the browsers' profiles and the print
// skeleton live in it, and it is removed when the session closes, also on the process's way out.
// A run killed outright (SIGKILL) cannot remove its folder: the next session removes it, telling
// from the pid in its name that its process is gone.
import { constants, rmSync } from 'node:fs';
import { access, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { isProcessAlive } from '../fs/process-alive.js';

const PREFIX = 'brief-run-';
const RUN_FOLDER = /^brief-run-(\d+)-[A-Za-z0-9]{6}$/;

/** A session's temporary folder. */
export interface RunFolder {
  readonly path: string;
  /** A fresh folder inside it, e.g. one browser's profile. */
  subfolder(prefix: string): Promise<string>;
  remove(): Promise<void>;
  /** For the process's exit handler, where nothing can be awaited. */
  removeSync(): void;
}

/** The variable that names the temporary folder, as os.tmpdir() reads them, for messages. */
function tempVariable(env: NodeJS.ProcessEnv): string {
  const name = ['TMPDIR', 'TMP', 'TEMP'].find((n) => env[n]);
  return name ? ` (${name})` : '';
}

/**
 * Checks once, as a session starts, that the temporary folder is a folder this process can write
 * in (issue 20): a missing, read-only or file TMPDIR had failed every document with the same line.
 * A usage error naming the folder and the variable that names it.
 */
export async function checkTempFolder(tmp: string = os.tmpdir(), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const named = `the temporary folder ${tmp}${tempVariable(env)}`;
  const info = await stat(tmp).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    const missing = info.code === 'ENOENT' || info.code === 'ENOTDIR';
    throw new UsageError(missing ? `${named} does not exist` : `${named} cannot be read (${info.code ?? info.message})`);
  }
  if (!info.isDirectory()) throw new UsageError(`${named} is not a folder`);
  // access() asks the kernel, which also says no to root on a read-only mount or a chattr +i folder.
  const denied = await access(tmp, constants.W_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => error);
  if (denied) throw new UsageError(`${named} is not writable (${denied.code ?? denied.message})`);
}

/** Makes a run folder in `tmp`, after removing those of runs whose process is gone. */
export async function createRunFolder(tmp: string = os.tmpdir()): Promise<RunFolder> {
  await sweepRunFolders(tmp);
  const folder = await mkdtemp(path.join(tmp, `${PREFIX}${process.pid}-`));
  return {
    path: folder,
    subfolder: (prefix) => mkdtemp(path.join(folder, prefix)),
    remove: () => rm(folder, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined),
    removeSync() {
      try {
        rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
      } catch {
        // A browser still writing its last files: the next run sweeps the folder.
      }
    },
  };
}

/** Removes the run folders of processes that are gone; returns how many. */
export async function sweepRunFolders(tmp: string = os.tmpdir()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmp);
  } catch {
    return 0;
  }
  const dead = names.filter((name) => {
    const pid = Number(RUN_FOLDER.exec(name)?.[1]);
    return pid > 0 && pid !== process.pid && !isProcessAlive(pid);
  });
  await Promise.all(dead.map((name) => rm(path.join(tmp, name), { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined)));
  return dead.length;
}
