// A worker thread that reads, parses and checks a data folder, so that a build's main thread
// loads the templates and starts the browser meanwhile: at the start of a build the main thread
// is the only busy one, and YAML parsing was a third of its work there.
import { parentPort, workerData } from 'node:worker_threads';
import { BriefError, DataError } from '../errors.js';
import { loadFacts } from './load.js';
import type { FactsAnswer, FactsRequest } from './load-facts-in-worker.js';

const post = (answer: FactsAnswer) => parentPort?.postMessage(answer);

const request = workerData as FactsRequest;
loadFacts(request.dataDir, { cwd: request.cwd }).then(
  (facts) => post({ facts }),
  (error: unknown) => {
    if (error instanceof DataError) post({ error: { kind: 'data', problems: error.problems } });
    else if (error instanceof BriefError) post({ error: { kind: 'brief-error', message: error.message, exitCode: error.exitCode } });
    else post({ error: { kind: 'other', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } });
  },
);
