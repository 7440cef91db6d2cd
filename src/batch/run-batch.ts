// `brief build` as a function of the library: values in, values out.
import { withBrowser, type BrowserSession, type SessionOptions } from '../pdf/browser-session.js';
import { executeBatch } from './execute-batch.js';
import type { BatchEvents, BatchOptions, BatchResult } from './options.js';
import { STAGES } from './stages.js';

/**
 * Builds the documents the options ask for into `options.outDir`: documents, pack, zip, manifest.
 * On the caller's `session` where one is given (a watch keeps one warm between runs); otherwise on
 * a session of its own, closed before it returns.
 */
export async function runBatch(options: BatchOptions, events: BatchEvents = {}, session?: BrowserSession): Promise<BatchResult> {
  if (session) return executeBatch(options, events, session, STAGES);
  return withBrowser(sessionOptionsOf(options), (own) => executeBatch(options, events, own, STAGES), options.signal);
}

/** How a batch's options reach its browser. */
export function sessionOptionsOf(options: BatchOptions): SessionOptions {
  return {
    executablePath: options.browserPath,
    wsEndpoint: options.wsEndpoint,
    allowRemote: options.allowRemote,
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    env: options.env,
  };
}
