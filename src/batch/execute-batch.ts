// A batch from start to end, on a browser session its caller owns: lock the output folder, let the
// planner decide (plan-work.ts), load what the work needs, run each document (run-documents.ts),
// then the finishers: packs, zips and manifest (finish-run.ts), or a shard's manifest (finish-shard.ts).
// No console output: progress goes through events.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PAPER } from '../contracts/paper.js';
import { BrowserStartError, formatProblem, InterruptedError, UsageError } from '../errors.js';
import { describeFonts } from '../fonts/describe-fonts.js';
import { TOOL } from '../package.js';
import type { BrowserSession } from '../browser/index.js';
import { renderOptionsFor } from '../render/render-options.js';
import { describeFailures } from './describe-failures.js';
import { writeStoppedManifest } from './finish-outputs.js';
import { finishRun } from './finish-run.js';
import { finishShard } from './finish-shard.js';
import { checkRecorded, hashRun, type SharedInputs } from './input-hash.js';
import { MANIFEST_NAME, readManifest, type ManifestFile } from './manifest.js';
import { nothingChanged } from './noop-result.js';
import { openOutput } from './open-output.js';
import type { BatchEvents, BatchOptions, BatchResult, DocumentOutcome } from './options.js';
import { sweepTempFiles } from './output-writer.js';
import { feedPackInOrder } from './pack-feed.js';
import { planDocumentWork, planRun } from './plan-work.js';
import { printFinished } from './print-finished.js';
import { madeAlike, printedOptions, recordedOptions } from './recorded-options.js';
import type { DocumentRun } from './run-document.js';
import { runDocuments } from './run-documents.js';
import { readShardAsManifest, shardManifestName } from './shard-manifest.js';
import type { BatchStages } from './stages.js';
import { recordWholePlan } from './whole-plan.js';

/** The most PDFs a run merges into the pack while printing; past it, at the end, so the growing pack and the browser are not in memory at once. */
const EAGER_PACK_LIMIT = 200;

/** Runs the batch the options ask for into `options.outDir`, printing on `session`. */
export async function executeBatch(options: BatchOptions, events: BatchEvents, session: BrowserSession, stages: BatchStages): Promise<BatchResult> {
  const started = performance.now();
  const { signal, shard } = options;
  throwIfAborted(signal);
  // A shard's folder holds its part and its shard manifest; a whole build's manifest there would go stale.
  if (shard && existsSync(join(resolve(options.outDir), MANIFEST_NAME))) {
    throw new UsageError(`--shard ${shard.index}/${shard.count}: ${options.outDir} holds a whole build (${MANIFEST_NAME}); build each shard into a folder of its own, e.g. --out out-${shard.index}`);
  }
  const output = await openOutput(options);
  const { outDir, templatesDir, verifier } = output;
  const launchesBefore = session.launches;
  const warnings: string[] = [];
  const warn = (text: string) => {
    warnings.push(text);
    events.onWarning?.(text);
  };
  // How many PDFs the run prints, once the plan is known: warm-up opens no more pages than that.
  let settlePagesWanted: (count: number) => void = () => undefined;
  const pagesWanted = new Promise<number>((resolve) => (settlePagesWanted = resolve));
  // Pages opened ahead of need; waited for before the run ends, so nothing it starts is left behind.
  let warmUp: Promise<unknown> | undefined;
  // Once the run ends, warming up (still waiting for the skeleton) starts nothing more.
  let finishing = false;
  try {
    const recorded = recordedOptions(options);
    const fonts = describeFonts();
    const tool = { name: TOOL.name, version: TOOL.version };
    // A shard makes no zip: `brief assemble --zip` makes them for the whole plan.
    const zip = Boolean(options.zip) && !shard;
    if (shard && options.zip) warn(`--zip makes no zip in a shard build: brief assemble --zip makes them once every shard is built`);
    const previousReady = shard ? readShardAsManifest(outDir, shard) : readManifest(outDir);
    // The outputs are checked while the inputs are hashed, both reading files; when the run does
    // have work, the documents reuse these checks.
    const intact = options.force ? Promise.resolve(false) : previousReady.then((m) => checkRecorded(verifier, m, zip));
    intact.catch(() => {});
    const printed = shard ? printedOptions(recorded) : undefined;
    const hashes = await hashRun([resolve(options.dataDir), templatesDir], recorded, { fonts, tool, sourceDateEpoch: options.sourceDateEpoch }, printed);
    const { runHash } = hashes;
    const previous = await previousReady;
    const work = planRun({ force: Boolean(options.force), zip, formats: options.formats, previous, runHash, outputsIntact: await intact });
    if (work.kind === 'nothing') {
      const manifestName = shard ? shardManifestName(shard) : MANIFEST_NAME;
      return nothingChanged(previous!, { outDir, manifestName, shard: Boolean(shard), wantZip: zip, started }, events, warn, warnings);
    }

    stages.prefetch();
    const factsReady = stages.loadFacts(options.dataDir, options.cwd);
    factsReady.catch(() => {});
    const paper = options.paper ?? DEFAULT_PAPER;
    // The templates do not depend on the data: they load beside it.
    const htmlReady = stages.loadHtmlStage(templatesDir);
    htmlReady.catch(() => {});
    // When every PDF will be printed, the skeleton is read on its own and the browser started at
    // once, so launching it overlaps with reading the data and the templates.
    const skeletonReady = work.printsAll ? stages.loadSkeleton(templatesDir, paper) : htmlReady.then((html) => html.skeleton(paper));
    skeletonReady.catch(() => {});
    if (work.printsAll) {
      session.start();
      warmUp = skeletonReady
        .then((skeleton) => (finishing ? undefined : session.printer(skeleton)))
        .then((printer) => printer?.warmUp(pagesWanted))
        .catch(() => {});
    }
    await sweepTempFiles(outDir);
    const facts = await factsReady;
    // What check warns of (issue 13) is said once, before any document renders; it stops nothing.
    for (const warning of facts.warnings) warn(formatProblem(warning));
    throwIfAborted(signal);
    const documents = planDocumentWork(facts, {
      selection: { programmes: options.programmes, topics: options.topics, formats: options.formats },
      shard,
      audiences: options.audiences,
      onlyAudiences: options.onlyAudiences,
      marking: options.distribution ?? facts.meta.distribution ?? null,
    });
    settlePagesWanted(documents.pdfCount);
    events.onPlan?.(documents.specs.length);
    const [html, skeleton] = await Promise.all([htmlReady, skeletonReady]);
    const shared: SharedInputs = { skeleton, fonts, tool, allowRemote: Boolean(options.allowRemote) };
    const renderOptions = renderOptionsFor(facts, { ...options, paper });
    const printer = () => {
      // After an interrupt no document may start a browser again: the run is closing.
      throwIfAborted(signal);
      return session.printer(skeleton);
    };
    let remoteFontsSaid = false;
    const run: DocumentRun = {
      facts,
      html,
      renderOptions,
      shared,
      force: Boolean(options.force),
      previous: new Map((previous?.files ?? []).map((f) => [f.key, f])),
      writer: output.writer,
      verifier,
      async print(doc) {
        const printed = await printFinished(await printer(), doc);
        // Fonts from the project only cannot be promised on a browser launched elsewhere (issue 11): said once, once it has printed.
        if (options.wsEndpoint && !remoteFontsSaid) {
          remoteFontsSaid = true;
          warn(`the browser at ${options.wsEndpoint} was not launched by brief, so its fonts are outside its control: text the bundled fonts do not reach (all of it, if that browser cannot read this machine's files) is set in its own machine's fonts`);
        }
        return printed;
      },
      warn,
      throwIfAborted: () => throwIfAborted(signal),
    };
    const { specs } = documents;
    // The pack is merged as the documents print only when this run prints every PDF of the plan.
    const eager = !shard && work.printsAll && documents.selectsEveryPdf && documents.pdfCount <= EAGER_PACK_LIMIT;
    const packFeed = eager ? await feedPackInOrder(specs, outDir) : undefined;
    const ran = await runDocuments(run, specs, { concurrency: options.concurrency, signal, events, packFeed });

    const done = new Map(specs.flatMap((spec, i) => (ran.entries[i] ? [[spec.key, ran.entries[i]] as const] : [])));
    // Documents kept from the earlier manifest only where they were made as this run makes them.
    const kept = previous && madeAlike(previous.options, recorded) ? run.previous : new Map<string, ManifestFile>();
    const stopped = Boolean(signal?.aborted || ran.fatal || ran.failures.length > 0);
    const report = { documents: ran.outcomes as DocumentOutcome[], started, browsersStarted: () => session.launches - launchesBefore, warnings };
    if (shard) {
      const ended = await finishShard({ output, shard, plan: documents.plan, done, kept, tool, options: recorded, fingerprint: hashes.fingerprint!, runHash: stopped ? null : runHash, warn }, report);
      if (!stopped) return ended;
    }
    const record = await recordWholePlan(documents.plan, done, kept, verifier);
    if (stopped) {
      if (!shard) await writeStoppedManifest({ ...output, record, packs: documents.packs, previous, base: { tool, options: recorded } });
      throwIfAborted(signal);
      throw ran.fatal ?? describeFailures(ran.failures);
    }
    return await finishRun(
      {
        output,
        facts,
        html,
        skeleton,
        fonts,
        paper,
        author: options.author,
        date: renderOptions.date,
        record,
        packs: documents.packs,
        previous,
        options: recorded,
        runHash,
        zip,
        force: Boolean(options.force),
        printer,
        idle: () => session.idle(),
        assembler: packFeed?.assembler,
        throwIfAborted: () => throwIfAborted(signal),
        warn,
      },
      report,
    );
  } catch (error) {
    if (signal?.aborted && !(error instanceof InterruptedError)) throw interrupted(signal);
    throw error;
  } finally {
    finishing = true;
    settlePagesWanted(0);
    // Let go first: that cuts short a launch or warm-up still under way (a run that failed early).
    const idled = session.idle().catch(() => undefined);
    await warmUp;
    await idled;
    const unreleased = await output.close();
    if (unreleased) warn(unreleased);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interrupted(signal);
}

export function interrupted(signal: AbortSignal): InterruptedError {
  return new InterruptedError(typeof signal.reason === 'string' ? signal.reason : 'an abort');
}
