// The run where nothing changed: what the earlier run recorded, reported as it is, its warnings
// about packs and zips left as they were said again.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Manifest } from './manifest.js';
import type { BatchEvents, BatchResult } from './result.js';
import { outcomeOf } from './make-document.js';
import { packStatesOf, warnIncomplete } from './plan-on-disk.js';

export function nothingChanged(
  previous: Manifest,
  run: { outDir: string; manifestName: string; shard: boolean; wantZip: boolean; started: number },
  events: BatchEvents,
  warn: (text: string) => void,
  warnings: string[],
): BatchResult {
  // A shard makes no pack or zip: nothing to say about them.
  if (!run.shard) for (const warning of warnIncomplete(previous.missing ?? [], packStatesOf(previous), run.wantZip)) warn(warning);
  const documents = previous.files.map((f) => outcomeOf(f, 0, true));
  events.onPlan?.(documents.length);
  for (const d of documents) events.onDocumentDone?.(d.key, { path: d.path, pages: d.pages, ms: 0, skipped: true });
  return {
    outDir: run.outDir,
    documents,
    built: 0,
    skipped: documents.length,
    noop: true,
    browsersStarted: 0,
    pack: previous.pack ? { path: previous.pack.path, pages: previous.pack.pages ?? 0, rebuilt: false, ms: 0 } : undefined,
    zip: previous.zip ? { path: previous.zip.path, bytes: previous.zip.bytes } : undefined,
    ...(previous.audiences ? { audiences: previous.audiences.map((a) => ({ id: a.id, pack: a.pack?.path, zip: a.zip?.path })) } : {}),
    manifestPath: join(run.outDir, run.manifestName),
    warnings,
    ms: performance.now() - run.started,
    stages: { ended: Math.round(performance.now() - run.started) },
  };
}
