// `brief assemble` (issue 14): the shards of a plan, built on many machines, made one output
// folder: every document copied in, then the manifest, the packs and (with --zip) the archives, as
// a one-machine build writes them. Nothing is written until the shards are known to be a whole set
// built from these very inputs and options.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PAPER } from '../contracts/paper.js';
import { InterruptedError, OutputError, UsageError } from '../errors.js';
import { describeFonts } from '../fonts/describe-fonts.js';
import { TOOL, BUNDLED_TEMPLATES } from '../package.js';
import type { BrowserSession } from '../browser/index.js';
import { documentDate } from '../render/render-options.js';
import { interrupted, throwIfAborted } from './execute-batch.js';
import { finishRun } from './finish-run.js';
import { hashRun, sha256 } from './input-hash.js';
import { readManifest, type ManifestFile } from './manifest.js';
import { openOutput } from './open-output.js';
import { outcomeOf } from './run-document.js';
import type { AssembleOptions, BatchEvents, BatchResult, DocumentOutcome } from './options.js';
import { sweepTempFiles } from './output-writer.js';
import { planDocumentWork } from './plan-work.js';
import { printedOptions, recordedOptions } from './recorded-options.js';
import { readShardSet, type ShardDocument } from './read-shards.js';
import type { BatchStages } from './stages.js';

export async function executeAssemble(options: AssembleOptions, events: BatchEvents, session: BrowserSession, stages: BatchStages): Promise<BatchResult> {
  const started = performance.now();
  const { signal } = options;
  throwIfAborted(signal);
  const shards = await readShardSet(options.shards, options.cwd);
  const recorded = recordedOptions(options);
  const fonts = describeFonts();
  const tool = { name: TOOL.name, version: TOOL.version };
  const templatesDir = resolve(options.templatesDir ?? BUNDLED_TEMPLATES);
  const printed = printedOptions(recorded);
  const hashes = await hashRun([resolve(options.dataDir), templatesDir], recorded, { fonts, tool, sourceDateEpoch: options.sourceDateEpoch }, printed);
  if (hashes.fingerprint !== shards.fingerprint) {
    const [theirs, ours] = [shards.fingerprint, hashes.fingerprint ?? ''].map((f) => f.slice(0, 12));
    throw new UsageError(
      `the shards were built from other inputs or options than these (plan fingerprint ${theirs} in the shards, ${ours} here): run brief assemble with the data, templates, config and flags the shards were built with`,
    );
  }
  const output = await openOutput(options);
  const warnings: string[] = [];
  const warn = (text: string) => {
    warnings.push(text);
    events.onWarning?.(text);
  };
  const launchesBefore = session.launches;
  try {
    await sweepTempFiles(output.outDir);
    const paper = options.paper ?? DEFAULT_PAPER;
    const htmlReady = stages.loadHtmlStage(templatesDir);
    htmlReady.catch(() => {});
    const [facts, previous] = await Promise.all([stages.loadFacts(options.dataDir, options.cwd), readManifest(output.outDir)]);
    const documents = planDocumentWork(facts, { selection: {}, audiences: options.audiences, marking: options.distribution ?? facts.meta.distribution ?? null });
    if (JSON.stringify(documents.plan.map((spec) => spec.key)) !== JSON.stringify(shards.plan)) {
      throw new UsageError(`the shards plan other documents than the data here, though built from the same inputs: build the shards again`);
    }
    events.onPlan?.(documents.plan.length);
    const earlier = new Map((previous?.files ?? []).map((f) => [f.key, f]));
    const outcomes: DocumentOutcome[] = [];
    for (const spec of documents.plan) {
      throwIfAborted(signal);
      const doc = shards.documents.get(spec.key)!;
      const copied = await copyDocument(output, doc, earlier.get(spec.key));
      outcomes.push(outcomeOf(doc.entry, 0, !copied));
      events.onDocumentDone?.(spec.key, { path: doc.entry.path, pages: doc.entry.pages, ms: 0, skipped: !copied });
    }
    const html = await htmlReady;
    const skeleton = html.skeleton(paper);
    return await finishRun(
      {
        output,
        facts,
        html,
        skeleton,
        fonts,
        paper,
        author: options.author,
        date: documentDate(facts, options.sourceDateEpoch),
        record: { files: documents.plan.map((spec) => shards.documents.get(spec.key)!.entry), missing: [] },
        packs: documents.packs,
        previous,
        options: recorded,
        runHash: hashes.runHash,
        zip: Boolean(options.zip),
        force: false,
        printer: () => {
          throwIfAborted(signal);
          return session.printer(skeleton);
        },
        idle: () => session.idle(),
        throwIfAborted: () => throwIfAborted(signal),
        warn,
      },
      { documents: outcomes, started, browsersStarted: () => session.launches - launchesBefore, warnings },
    );
  } catch (error) {
    if (signal?.aborted && !(error instanceof InterruptedError)) throw interrupted(signal);
    throw error;
  } finally {
    await session.idle().catch(() => undefined);
    const unreleased = await output.close();
    if (unreleased) warn(unreleased);
  }
}

/** Copies a shard's document into the output folder, unless the same file is there already; true when copied. */
async function copyDocument(output: Awaited<ReturnType<typeof openOutput>>, doc: ShardDocument, earlier: ManifestFile | undefined): Promise<boolean> {
  const { entry } = doc;
  if (earlier && earlier.path === entry.path && earlier.sha256 === entry.sha256 && (await output.verifier.check(earlier))) return false;
  const bytes = await readFile(doc.file);
  // Read again since the set was checked: a shard changed meanwhile must not slip in.
  if (sha256(bytes) !== entry.sha256) throw new OutputError(`${doc.file} changed while the shards were assembled; nothing more was written: run brief assemble again`);
  await output.writer.write(entry.path, bytes);
  await output.verifier.remember(entry.path, entry.sha256);
  return true;
}
