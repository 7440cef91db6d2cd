// The documents of a run, rendered and printed a few at a time: twice as many in flight as pages
// print, so the HTML of the next is ready while pages print.
import { BrowserStartError } from '../errors.js';
import type { ManifestFile } from './manifest.js';
import type { BatchEvents, DocumentOutcome } from './result.js';
import type { PackFeed } from './pack-feed.js';
import type { PlannedSpec } from './plan-audiences.js';
import { makeDocument, type DocumentJob } from './make-document.js';

export interface DocumentsDone {
  /** Each document's manifest entry, in `specs` order; undefined where it failed or was not reached. */
  entries: (ManifestFile | undefined)[];
  outcomes: (DocumentOutcome | undefined)[];
  failures: { spec: PlannedSpec; error: unknown }[];
  /** A browser that could not be started or reached: no other document could print. */
  fatal?: BrowserStartError;
}

export async function makeDocuments(
  job: DocumentJob,
  specs: readonly PlannedSpec[],
  options: { concurrency: number; signal?: AbortSignal; events: BatchEvents; packFeed?: PackFeed },
): Promise<DocumentsDone> {
  const { signal, events, packFeed } = options;
  const done: DocumentsDone = { entries: new Array(specs.length), outcomes: new Array(specs.length), failures: [] };
  const width = options.concurrency * 2;
  let next = 0;
  const worker = async () => {
    while (next < specs.length && !signal?.aborted && !done.fatal) {
      const i = next++;
      const spec = specs[i]!;
      events.onDocumentStart?.(spec.key);
      try {
        const result = await makeDocument(job, spec);
        done.entries[i] = result.entry;
        done.outcomes[i] = result.outcome;
        if (result.printed) packFeed?.ready(i, result.entry, result.printed);
        events.onDocumentDone?.(spec.key, { path: result.outcome.path, pages: result.outcome.pages, ms: result.outcome.ms, skipped: result.outcome.skipped });
      } catch (error) {
        if (error instanceof BrowserStartError) done.fatal ??= error;
        else if (!signal?.aborted) done.failures.push({ spec, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, specs.length) }, worker));
  return done;
}
