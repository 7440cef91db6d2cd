// Starting or reaching a browser ends by --timeout (issue 11): the helpers the browser manager
// races its launches and connections with.

const PROTOCOL_MARGIN_MS = 2_000;

/**
 * The limit on any one call to the browser: a little over --timeout, so that the timers that name
 * what ran out (a document's, a start's) fire first, and this only catches a call outside them.
 */
export function protocolTimeout(limit: number): number {
  return limit + PROTOCOL_MARGIN_MS;
}

/** The time limit of a start ran out. */
export class TimeLimit extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** True when a start failed by running out of time: ours, or Puppeteer's own limit reached first. */
export function isTimeLimit(error: unknown, signal: AbortSignal): boolean {
  if (signal.reason instanceof TimeLimit) return true;
  const message = error instanceof Error ? error.message : '';
  return /timed out|Timed out after/i.test(message);
}

/** `work`, or a rejection as soon as `signal` aborts (then `onAbort` drops what `work` holds). */
export async function raceAbort<T>(work: Promise<T>, signal: AbortSignal, onAbort?: () => void): Promise<T> {
  work.catch(() => undefined); // Its own failure after an abort has nobody to tell.
  let stop: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    stop = () => {
      onAbort?.();
      reject(signal.reason);
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
