// loadFacts on a worker thread (see facts-worker.ts) where the compiled tool runs, and in this
// thread where there is no compiled worker (running from source, in tests) or it could not start.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BriefError, DataError, type ExitCode, type Problem } from '../errors.js';
import { CODE_DIR } from '../package.js';
import type { Facts } from './facts.js';
import type { LoadOptions } from './load.js';

/** What the worker is asked: a data folder, and the folder its messages show paths from. */
export interface FactsRequest {
  dataDir: string;
  cwd: string | undefined;
}

/** The worker's one message: the facts, or the error as data (errors lose their class in transit). */
export type FactsAnswer =
  | { facts: Facts }
  | { error: { kind: 'data'; problems: Problem[] } | { kind: 'brief-error'; message: string; exitCode: ExitCode } | { kind: 'other'; message: string } };

/** The facts of a data folder, as loadFacts gives them, read on a worker thread. */
export async function loadFactsInWorker(dataDir: string, options: LoadOptions = {}): Promise<Facts> {
  // facts-worker.ts, bundled into one file by `npm run build` (scripts/bundle.mjs).
  const entry = pathToFileURL(path.join(CODE_DIR, 'brief-facts-worker.js'));
  if (!existsSync(fileURLToPath(entry))) return loadHere(dataDir, options);
  let worker: Worker;
  try {
    const request: FactsRequest = { dataDir: path.resolve(dataDir), cwd: options.cwd };
    worker = new Worker(entry, { workerData: request });
  } catch {
    return loadHere(dataDir, options);
  }
  const answer = await new Promise<FactsAnswer | undefined>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  void worker.terminate();
  if (!answer) return loadHere(dataDir, options); // The worker died: read the data here instead.
  if ('facts' in answer) return answer.facts;
  const { error } = answer;
  if (error.kind === 'data') throw new DataError(error.problems);
  if (error.kind === 'brief-error') throw new BriefError(error.message, { exitCode: error.exitCode });
  throw new Error(error.message);
}

async function loadHere(dataDir: string, options: LoadOptions): Promise<Facts> {
  const { loadFacts } = await import('./load.js');
  return loadFacts(dataDir, options);
}
