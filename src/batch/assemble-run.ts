// `brief assemble` (issue 14): the shards of a plan, built on many machines, made one output
// folder: every document copied in, then the manifest, the packs and (with --zip) the archives, as
// a one-machine build writes them. Nothing is written until the shards are known to be a whole set
// built from these very inputs and options.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BrowserSession } from '../browser/index.js';
import { withRunDefaults } from '../contracts/run-defaults.js';
import { documentDate } from '../documents/document-date.js';
import { OutputError, UsageError } from '../errors.js';
import { describeFonts } from '../fonts/describe-fonts.js';
import { TOOL, BUNDLED_TEMPLATES } from '../package.js';
import { finishRun } from './finish-run.js';
import { hashRun, sha256 } from './input-hash.js';
import { outcomeOf } from './make-document.js';
import { readManifest, type ManifestFile } from './manifest.js';
import type { OpenOutput } from './open-output.js';
import type { AssembleOptions } from './options.js';
import { throwIfAborted, withOutputRun } from './output-run.js';
import { sweepTempFiles } from './output-writer.js';
import { planBuild } from './plan-build.js';
import { printedOptions, recordedOptions } from './recorded-options.js';
import { describeFormats, readShardSet, type ShardDocument } from './read-shards.js';
import { checkShardEntries } from './check-shard-entries.js';
import { refuseUndrawablePackWords } from './check-pack-words.js';
import { displayPath } from '../fs/display-path.js';
import type { BatchEvents, BatchResult, DocumentOutcome } from './result.js';
import type { BatchStages } from './stages.js';

export async function assembleRun(given: AssembleOptions, events: BatchEvents, session: BrowserSession, stages: BatchStages): Promise<BatchResult> {
  const started = performance.now();
  const options = withRunDefaults(given);
  throwIfAborted(options.signal);
  refuseUndrawablePackWords(options);
  const shards = await readShardSet(options.shards, options.cwd);
  const recorded = recordedOptions(options);
  const fonts = describeFonts();
  const tool = { name: TOOL.name, version: TOOL.version };
  const templatesDir = resolve(options.templatesDir ?? BUNDLED_TEMPLATES);
  const hashes = await hashRun([resolve(options.dataDir), templatesDir], recorded, { fonts, tool, sourceDateEpoch: options.sourceDateEpoch }, printedOptions(recorded));
  if (hashes.fingerprint !== shards.fingerprint) {
    const [theirs, ours] = [shards.fingerprint, hashes.fingerprint ?? ''].map((f) => f.slice(0, 12));
    throw new UsageError(
      `the shards were built from other inputs or options than these (plan fingerprint ${theirs} in the shards, ${ours} here): run brief assemble with the data, templates, config and flags the shards were built with`,
    );
  }
  // Shards built with --format assemble as a build with those formats does (issue 20): given the same.
  const [theirs, ours] = [describeFormats(shards.options.formats), describeFormats(recorded.formats)];
  if (theirs !== ours) throw new UsageError(`the shards were built with ${theirs}, and this assembly asks for ${ours}: give brief assemble the --format the shards were built with`);
  // The plan and the shards' entries are checked before the output folder is touched: a refused set writes nothing.
  const [facts, html] = await Promise.all([stages.loadFacts(options.dataDir, options.cwd), stages.readTemplates(templatesDir).then((templates) => stages.loadHtmlStage(templates))]);
  const plan = planBuild(facts, { selection: { formats: options.formats }, audiences: options.audiences, marking: options.distribution ?? facts.meta.distribution ?? null });
  if (JSON.stringify(plan.plan.map((spec) => spec.key)) !== JSON.stringify(shards.plan)) {
    throw new UsageError(`the shards plan other documents than the data here, though built from the same inputs: build the shards again`);
  }
  const record = await checkShardEntries(shards, plan.plan, new Set(plan.specs.map((spec) => spec.key)), (file) => displayPath(file, options.cwd));
  return withOutputRun(options, events, session, async (run) => {
    await sweepTempFiles(run.output.outDir);
    const previous = await readManifest(run.output.outDir);
    events.onPlan?.(plan.plan.length);
    const earlier = new Map((previous?.files ?? []).map((f) => [f.key, f]));
    const outcomes: DocumentOutcome[] = [];
    for (const entry of record.files) {
      run.throwIfAborted();
      const doc = { ...shards.documents.get(entry.key)!, entry };
      const copied = await copyDocument(run.output, doc, earlier.get(entry.key));
      outcomes.push(outcomeOf(entry, 0, !copied));
      events.onDocumentDone?.(entry.key, { path: entry.path, pages: entry.pages, ms: 0, skipped: !copied });
    }
    const skeleton = html.skeleton(options.paper);
    return finishRun(
      {
        output: run.output,
        facts,
        html,
        skeleton,
        fonts,
        paper: options.paper,
        author: options.author,
        date: documentDate(facts.meta.asOf, options.sourceDateEpoch),
        record,
        packs: plan.packs,
        previous,
        options: recorded,
        runHash: hashes.runHash,
        zip: Boolean(options.zip),
        force: false,
        printer: () => run.printer(skeleton),
        idle: run.idle,
        throwIfAborted: run.throwIfAborted,
        warn: run.warn,
      },
      { documents: outcomes, started, browsersStarted: run.browsersStarted, warnings: run.warnings, stages: run.stages },
    );
  }, started);
}

/** Copies a shard's document into the output folder, unless the same file is there already; true when copied. */
async function copyDocument(output: OpenOutput, doc: ShardDocument, earlier: ManifestFile | undefined): Promise<boolean> {
  const { entry } = doc;
  if (earlier && earlier.path === entry.path && earlier.sha256 === entry.sha256 && (await output.verifier.check(earlier))) return false;
  const bytes = await readFile(doc.file);
  // Read again since the set was checked: a shard changed meanwhile must not slip in.
  if (sha256(bytes) !== entry.sha256) throw new OutputError(`${doc.file} changed while the shards were assembled; nothing more was written: run brief assemble again`);
  await output.writer.write(entry.path, bytes);
  await output.verifier.remember(entry.path, entry.sha256);
  return true;
}
