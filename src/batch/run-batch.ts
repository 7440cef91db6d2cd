// `brief build` and `brief assemble` as functions of the library: values in, values out.
import { withBrowser, type BrowserSession, type SessionOptions } from '../browser/index.js';
import { buildRun } from './build-run.js';
import type { AssembleOptions, BatchOptions } from './options.js';
import type { BatchEvents, BatchResult } from './result.js';
import { STAGES } from './stages.js';

/**
 * Builds the documents the options ask for into `options.outDir`: documents, pack, zip, manifest.
 * On the caller's `session` where one is given (a watch keeps one warm between runs); otherwise on
 * a session of its own, closed before it returns.
 */
export async function runBatch(options: BatchOptions, events: BatchEvents = {}, session?: BrowserSession): Promise<BatchResult> {
  if (session) return buildRun(options, events, session, STAGES);
  return withBrowser(sessionOptionsOf(options), (own) => buildRun(options, events, own, STAGES), options.signal);
}

/**
 * Assembles the shards of a plan (built with `shard`) into `options.outDir`: documents, packs,
 * zips and manifest, byte-identical to a one-machine build of the same inputs. Refuses, writing
 * nothing, a set that is not whole or was built from other inputs or options.
 */
export async function assembleShards(options: AssembleOptions, events: BatchEvents = {}, session?: BrowserSession): Promise<BatchResult> {
  const { assembleRun } = await import('./assemble-run.js');
  if (session) return assembleRun(options, events, session, STAGES);
  return withBrowser(sessionOptionsOf(options), (own) => assembleRun(options, events, own, STAGES), options.signal);
}

/** How a batch's options reach its browser. */
export function sessionOptionsOf(options: Omit<BatchOptions, 'programmes'>): SessionOptions {
  return {
    executablePath: options.browserPath,
    wsEndpoint: options.wsEndpoint,
    allowRemote: options.allowRemote,
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    env: options.env,
  };
}
