// One temporary folder per run (issue 11): the browsers' profiles and the renderers' shells live
// in it, it is removed on every way out of the process, and a run killed outright (SIGKILL) has
// its folder removed by the next run, which can tell from the pid in the name that it is gone.
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '../fs/process-alive.js';

const PREFIX = 'brief-run-';
const RUN_FOLDER = /^brief-run-(\d+)-[A-Za-z0-9]{6}$/;

let current: Promise<string> | undefined;

/** This process's run folder, made (and older runs' swept) on first use: only runs that launch a browser pay for it. */
export function runFolder(): Promise<string> {
  current ??= (async () => {
    const tmp = os.tmpdir();
    await sweepRunFolders(tmp);
    const folder = await mkdtemp(path.join(tmp, `${PREFIX}${process.pid}-`));
    // 'exit' comes on a normal end, process.exit() (a second Ctrl-C) and an uncaught error alike;
    // the browsers' own exit handlers, which kill them, run first (browser-manager.ts).
    process.once('exit', () => {
      try {
        rmSync(folder, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
      } catch {
        // A browser still writing its last files: the next run sweeps the folder.
      }
    });
    return folder;
  })();
  // A failure is not remembered: the next caller tries again and reports it.
  current.catch(() => (current = undefined));
  return current;
}

/** A fresh folder inside the run folder, e.g. one browser's profile. */
export async function makeRunSubfolder(prefix: string): Promise<string> {
  return mkdtemp(path.join(await runFolder(), prefix));
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
