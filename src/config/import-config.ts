// A JS config is imported on a worker thread with a deadline (issue 11): a default export that
// never settles left nothing for Node to wait on, so `build` and `check` exited 0 having done
// nothing, and a config that loops forever hung. A worker can be stopped even mid-loop.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CODE_DIR } from '../package.js';
import { firstLine } from './plain-config.js';
import type { ConfigAnswer } from './read-config-module.js';

/** How long a JS config may take to load: a constant, as --timeout is read after the config. */
export const CONFIG_DEADLINE_MS = 5000;

/** Far more than any config needs; past it the worker stops instead of the whole machine swapping. */
const MEMORY_LIMIT_MB = 256;

const LATE = `it did not finish loading within ${CONFIG_DEADLINE_MS / 1000} s (a loop that never ends, or an await that never settles?)`;

/** The exit code of a thread whose top-level await was left with nothing that could settle it. */
const UNSETTLED_AWAIT = 13;

/** The settings of a JS config file as plain data, or what is wrong with it. */
export async function importConfig(file: string): Promise<ConfigAnswer> {
  const url = pathToFileURL(file).href;
  // config-worker.ts as compiled into dist/; running from source there is none (tsx cannot load it).
  const entry = join(CODE_DIR, 'config', 'config-worker.js');
  if (!existsSync(entry)) return importHere(url);
  return new Promise<ConfigAnswer>((resolve) => {
    const worker = new Worker(entry, { workerData: url, resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB } });
    let done = false;
    const finish = (answer: ConfigAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ problem: LATE }), CONFIG_DEADLINE_MS);
    worker.once('message', finish);
    worker.once('error', (error) => finish({ problem: firstLine(error) }));
    worker.once('exit', (code) =>
      finish({
        problem: code === UNSETTLED_AWAIT ? 'it never finishes loading: it awaits a promise that nothing will settle' : `it stopped while loading (process.exit(${code}))`,
      }),
    );
  });
}

/** From source: the same reading in this thread; the deadline holds for a promise, not for a loop. */
async function importHere(url: string): Promise<ConfigAnswer> {
  const { readConfigModule } = await import('./read-config-module.js');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ConfigAnswer>((resolve) => (timer = setTimeout(() => resolve({ problem: LATE }), CONFIG_DEADLINE_MS)));
  try {
    return await Promise.race([readConfigModule(url), late]);
  } finally {
    clearTimeout(timer);
  }
}
