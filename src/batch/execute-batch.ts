// A batch from start to end, on a browser session its caller owns: lock the output folder, let the
// planner decide (plan-work.ts), load what the work needs, run each document (run-document.ts),
// then the finishers (pack, zip, manifest). No console output: progress goes through events.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocumentSpec } from '../contracts/document.js';
import { DEFAULT_PAPER } from '../contracts/paper.js';
import { BrowserStartError, formatProblem, InterruptedError, UsageError } from '../errors.js';
import { describeFonts } from '../fonts/describe-fonts.js';
import { BUNDLED_TEMPLATES, TOOL } from '../package.js';
import type { BrowserSession } from '../pdf/browser-session.js';
import { renderOptionsFor } from '../render/render-options.js';
import { describeFailures } from './describe-failures.js';
import { finishOutputs } from './finish-outputs.js';
import { checkRecorded, hashRun, sha256, type SharedInputs } from './input-hash.js';
import { lockOutput } from './lock.js';
import { MANIFEST_NAME, readManifest, serializeManifest, type Manifest, type ManifestFile } from './manifest.js';
import type { BatchEvents, BatchOptions, BatchResult, DocumentOutcome } from './options.js';
import { describeConflict, findOutFolderConflict } from './out-folder.js';
import { OutputWriter, sweepTempFiles } from './output-writer.js';
import { feedPackInOrder } from './pack-feed.js';
import { planDocumentWork, planRun } from './plan-work.js';
import { madeAlike, recordedOptions } from './recorded-options.js';
import { outcomeOf, runDocument, type DocumentRun } from './run-document.js';
import type { BatchStages } from './stages.js';
import { OutputVerifier } from './verify-outputs.js';
import { recordWholePlan, warnIncomplete } from './whole-plan.js';

/** The most PDFs a run merges into the pack while printing; past it, at the end, so the growing pack and the browser are not in memory at once. */
const EAGER_PACK_LIMIT = 200;

/** Runs the batch the options ask for into `options.outDir`, printing on `session`. */
export async function executeBatch(options: BatchOptions, events: BatchEvents, session: BrowserSession, stages: BatchStages): Promise<BatchResult> {
  const started = performance.now();
  const outDir = resolve(options.outDir);
  const { signal } = options;
  throwIfAborted(signal);
  const templatesDir = resolve(options.templatesDir ?? BUNDLED_TEMPLATES);
  const conflict = await findOutFolderConflict(outDir, resolve(options.dataDir), options.templatesDir ? templatesDir : undefined);
  if (conflict) throw new UsageError(`the output folder ${outDir} ${describeConflict(conflict)}; choose an output folder outside the inputs`);
  // Checked before the output folder is made: a run refused for its inputs writes nothing.
  if (options.templatesDir && !existsSync(templatesDir)) throw new UsageError(`templates folder not found: ${options.templatesDir}`);
  const release = await lockOutput(outDir);
  const writer = new OutputWriter(outDir);
  const verifier = new OutputVerifier(outDir);
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
    const previousReady = readManifest(outDir);
    // The outputs are checked while the inputs are hashed, both reading files; when the run does
    // have work, the documents reuse these checks.
    const intact = options.force ? Promise.resolve(false) : previousReady.then((m) => checkRecorded(verifier, m, Boolean(options.zip)));
    intact.catch(() => {});
    const runHash = await hashRun([resolve(options.dataDir), templatesDir], recorded, { fonts, tool, sourceDateEpoch: options.sourceDateEpoch });
    const previous = await previousReady;
    const work = planRun({ force: Boolean(options.force), zip: Boolean(options.zip), formats: options.formats, previous, runHash, outputsIntact: await intact });
    if (work.kind === 'nothing') return nothingChanged(previous!, outDir, events, warn, warnings, started, Boolean(options.zip));

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
    const documents = planDocumentWork(facts, { programmes: options.programmes, topics: options.topics, formats: options.formats }, options.shard);
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
      writer,
      verifier,
      async print(doc) {
        const printed = await (await printer()).print(doc);
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
    const eager = work.printsAll && documents.selectsEveryPdf && documents.pdfCount <= EAGER_PACK_LIMIT;
    const packFeed = eager ? await feedPackInOrder(specs, outDir) : undefined;
    const entries: (ManifestFile | undefined)[] = new Array(specs.length);
    const outcomes: (DocumentOutcome | undefined)[] = new Array(specs.length);
    const failures: { spec: DocumentSpec; error: unknown }[] = [];
    // A browser that cannot be started or reached stops the run: no other document could print.
    let fatal: BrowserStartError | undefined;
    // Twice the pool's width in flight, so HTML for the next documents is ready while pages print.
    const width = Math.max(1, options.concurrency ?? availableParallelism()) * 2;
    let next = 0;
    const worker = async () => {
      while (next < specs.length && !signal?.aborted && !fatal) {
        const i = next++;
        const spec = specs[i]!;
        events.onDocumentStart?.(spec.key);
        try {
          const done = await runDocument(run, spec);
          entries[i] = done.entry;
          outcomes[i] = done.outcome;
          if (done.printed) packFeed?.ready(i, done.entry, done.printed);
          events.onDocumentDone?.(spec.key, { path: done.outcome.path, pages: done.outcome.pages, ms: done.outcome.ms, skipped: done.outcome.skipped });
        } catch (error) {
          if (error instanceof BrowserStartError) fatal ??= error;
          else if (!signal?.aborted) failures.push({ spec, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(width, specs.length) }, worker));

    const base = { tool, options: recorded };
    const done = new Map(specs.flatMap((spec, i) => (entries[i] ? [[spec.key, entries[i]] as const] : [])));
    // Documents kept from the earlier manifest only where they were made as this run makes them.
    const kept = previous && madeAlike(previous.options, recorded) ? run.previous : new Map<string, ManifestFile>();
    const record = await recordWholePlan(documents.plan, done, kept, verifier);
    if (signal?.aborted || fatal || failures.length > 0) {
      // Record what is on disk now, so the manifest still matches the files; the next run redoes the rest.
      const [pack, zip] = await Promise.all(
        [previous?.pack, previous?.zip].map(async (extra) => (extra && (await verifier.check(extra)) ? extra : undefined)),
      );
      const missing = record.missing.length > 0 ? { missing: record.missing } : {};
      await writer.write(MANIFEST_NAME, serializeManifest({ ...base, runHash: null, files: record.files, ...missing, pack, zip }));
      throwIfAborted(signal);
      throw fatal ?? describeFailures(failures);
    }

    const finished = await finishOutputs({
      writer,
      verifier,
      record,
      previous,
      base,
      runHash,
      zip: Boolean(options.zip),
      date: renderOptions.date,
      pack: {
        outDir,
        writer,
        html,
        meta: facts.meta,
        paper,
        author: options.author,
        distribution: options.distribution,
        creator: TOOL.creator,
        date: renderOptions.date,
        // The separator keeps the skeleton's old name, "shell": every recorded pack hash depends on it.
        sharedHash: sha256(`${skeleton.html}\0${fonts.join(',')}\0${tool.version}`),
        force: Boolean(options.force),
        printer,
        idle: () => session.idle(),
        assembler: packFeed?.assembler,
      },
      throwIfAborted: () => throwIfAborted(signal),
      warn,
    });
    const outcomesDone = outcomes as DocumentOutcome[];
    const built = outcomesDone.filter((d) => !d.skipped).length;
    return {
      outDir,
      documents: outcomesDone,
      built,
      skipped: outcomesDone.length - built,
      noop: false,
      browsersStarted: session.launches - launchesBefore,
      pack: finished.pack,
      zip: finished.zip,
      manifestPath: join(outDir, MANIFEST_NAME),
      warnings,
      ms: performance.now() - started,
    };
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
    await writer.temps.removeAll();
    await verifier.save();
    const unreleased = await release();
    if (unreleased) warn(unreleased);
  }
}

/** The run where nothing changed: what the earlier run recorded, reported as it is. */
function nothingChanged(
  previous: Manifest,
  outDir: string,
  events: BatchEvents,
  warn: (text: string) => void,
  warnings: string[],
  started: number,
  wantZip: boolean,
): BatchResult {
  for (const warning of warnIncomplete(previous.missing ?? [], { pack: Boolean(previous.pack), zip: Boolean(previous.zip) }, wantZip)) warn(warning);
  const documents = previous.files.map((f) => outcomeOf(f, 0, true));
  events.onPlan?.(documents.length);
  for (const d of documents) events.onDocumentDone?.(d.key, { path: d.path, pages: d.pages, ms: 0, skipped: true });
  return {
    outDir,
    documents,
    built: 0,
    skipped: documents.length,
    noop: true,
    browsersStarted: 0,
    pack: previous.pack ? { path: previous.pack.path, pages: previous.pack.pages ?? 0, rebuilt: false, ms: 0 } : undefined,
    zip: previous.zip ? { path: previous.zip.path, bytes: previous.zip.bytes } : undefined,
    manifestPath: join(outDir, MANIFEST_NAME),
    warnings,
    ms: performance.now() - started,
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interrupted(signal);
}

function interrupted(signal: AbortSignal): InterruptedError {
  return new InterruptedError(typeof signal.reason === 'string' ? signal.reason : 'an abort');
}
