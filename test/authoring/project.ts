// A fresh `brief init` project in a temporary folder, and the real CLI run inside it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { runCli } from '../helpers/run-cli.js';

export interface TempProject {
  /** The project folder (inside a temporary parent). */
  dir: string;
  /** `brief ARGS` with the project as the working folder. */
  brief(args: string[]): ReturnType<typeof runCli>;
  remove(): Promise<void>;
}

/** `brief init` into a new temporary folder; fails the test if init fails. */
export async function initTempProject(): Promise<TempProject> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'brief-init-'));
  const dir = path.join(parent, 'my-briefs');
  const init = runCli(['init', dir], { cwd: parent });
  assert.is(init.code, 0, `brief init: ${init.stderr}`);
  return {
    dir,
    brief: (args) => runCli(args, { cwd: dir }),
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}
