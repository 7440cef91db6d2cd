// One temporary folder per browser session (issue 11): the browsers' profiles and the print
// skeleton live in it, and it is removed when the session closes, also on the process's way out.
// A run killed outright (SIGKILL) cannot remove its folder: the next session removes it, telling
// from the pid in its name that its process is gone.
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
