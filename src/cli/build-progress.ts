// How `brief build` and `brief watch` report progress: a bar on a terminal, one line per document
// otherwise, nothing with --quiet, one JSON summary with --json.
import type { BatchEvents, BatchResult, DocumentOutcome } from '../batch/result.js';
import { counted, say } from './output.js';
import { displayPath } from '../fs/display-path.js';

export type ProgressMode = 'bar' | 'lines' | 'quiet' | 'json';

export function chooseProgress(args: { quiet?: boolean; json?: boolean }): ProgressMode {
  if (args.json) return 'json';
  if (args.quiet) return 'quiet';
  return process.stdout.isTTY ? 'bar' : 'lines';
}

/** Events for the chosen mode; stop() clears a bar before the summary prints. */
export async function createProgress(mode: ProgressMode): Promise<BatchEvents & { stop(): void }> {
  if (mode === 'bar') {
    // CommonJS: its exports are read from `default`, the one name both Node and the bundle give it.
    const { MultiBar, Presets } = (await import('cli-progress')).default;
    const bars = new MultiBar(
      { format: ' {bar} {value}/{total}  {doc}', hideCursor: true, clearOnComplete: true, stopOnComplete: false },
      Presets.shades_classic,
    );
    const bar = bars.create(0, 0, { doc: '' });
    return {
      onPlan: (total) => bar.setTotal(total),
      onDocumentStart: (key) => bar.update({ doc: key }),
      onDocumentDone: () => bar.increment(),
      onWarning: (text) => bars.log(`warning: ${text}\n`),
      stop: () => bars.stop(),
    };
  }
  if (mode === 'lines') {
    return {
      onDocumentDone: (_key, info) => {
        if (!info.skipped) say.info(`built ${info.path}  ${info.pages ? `${counted(info.pages, 'page')}  ` : ''}${Math.round(info.ms)} ms`);
      },
      onWarning: (text) => say.warn(text),
      stop: () => {},
    };
  }
  // --quiet and --json: warnings still reach stderr in --json, never stdout.
  return { onWarning: mode === 'json' ? (text) => say.warn(text) : undefined, stop: () => {} };
}

/** The closing line(s) after a build. */
export function reportBuild(mode: ProgressMode, result: BatchResult): void {
  if (mode === 'json') {
    say.json(summarize(result));
    return;
  }
  if (mode === 'quiet') return;
  const seconds = (result.ms / 1000).toFixed(1);
  const where = displayPath(result.outDir, process.cwd());
  if (result.noop) {
    say.info(`nothing changed: ${counted(result.skipped, 'document')} up to date in ${where} (${seconds} s)`);
    return;
  }
  const parts = [`${result.built} built`];
  if (result.shard) parts.push(`${result.shard.documents} of the plan's ${result.shard.plan} documents recorded in ${result.shard.manifest}`);
  if (result.skipped > 0) parts.push(`${result.skipped} unchanged`);
  if (result.pack) parts.push(`pack ${result.pack.pages} pages${result.pack.rebuilt ? '' : ' (unchanged)'}`);
  if (result.zip) parts.push(`zip ${result.zip.path}`);
  const audiencePacks = (result.audiences ?? []).filter((a) => a.pack).length;
  if (audiencePacks > 0) parts.push(counted(audiencePacks, 'audience pack'));
  const proof = proofCount(result);
  const proofed = proof.checked > 0 ? `; ${proof.passed} of ${counted(proof.checked, 'document')} passed the proof` : '';
  say.info(`${parts.join(', ')} in ${where} (${seconds} s)${proofed}`);
}

/** How many documents printed by the run the proof read back, how many it found nothing on, and what it found (issue 18). */
function proofCount(result: BatchResult) {
  const proofed = result.documents.filter((d) => d.proof !== undefined);
  return { checked: proofed.length, passed: proofed.filter((d) => d.proof!.length === 0).length, findings: proofed.flatMap((d) => d.proof!) };
}

/** The documents of a --json summary, a failed run's among them. */
export function summarizeDocuments(documents: readonly DocumentOutcome[]) {
  return documents.map((d) => ({
    key: d.key,
    format: d.format,
    path: d.path,
    pages: d.pages,
    bytes: d.bytes,
    ms: Math.round(d.ms),
    skipped: d.skipped,
    ...(d.proof ? { proof: d.proof } : {}),
  }));
}

/** The --json summary: stable keys, paths relative to the output folder; `ok` and `exitCode` as a failure's summary has them (json-summary.ts). */
export function summarize(result: BatchResult) {
  return {
    ok: true,
    exitCode: 0,
    outDir: result.outDir,
    noop: result.noop,
    built: result.built,
    skipped: result.skipped,
    browsersStarted: result.browsersStarted,
    seconds: Number((result.ms / 1000).toFixed(3)),
    stages: result.stages ?? {},
    documents: summarizeDocuments(result.documents),
    proof: proofCount(result),
    pack: result.pack ?? null,
    zip: result.zip ?? null,
    audiences: result.audiences ?? [],
    shard: result.shard ?? null,
    manifest: result.manifestPath,
    warnings: result.warnings,
  };
}
