// A worker thread that imports a JS config and posts its settings back as plain data: the thread
// that waits for it can give up at a deadline, even on a config that never settles or never ends.
import { parentPort, workerData } from 'node:worker_threads';
import { readConfigModule, type ConfigAnswer } from './read-config-module.js';

const answer: ConfigAnswer = await readConfigModule(workerData as string);
parentPort?.postMessage(answer);
