// `brief build` from start to end, on a browser session its caller owns, in the order the README
// tells it: lock the output folder, decide whether there is anything to do, load the data and the
// templates while the browser starts, plan every output, make each document, then the finishers:
// packs, zips and manifest (finish-run.ts), or a shard's manifest (finish-shard.ts). No console
// output: progress goes through events.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserSession } from '../browser/index.js';
import { withRunDefaults } from '../contracts/run-defaults.js';
import { UsageError } from '../errors.js';
import { describeFonts } from '../fonts/describe-fonts.js';
import { TOOL } from '../package.js';
import { loadBuildInputs, type BuildInputs } from './build-inputs.js';
import { decideRun, forcedPrint, type RunDecision, type ToolInputs } from './decide-run.js';
import { describeFailures } from './describe-failures.js';
import { writeStoppedManifest } from './finish-outputs.js';
import { finishRun } from './finish-run.js';
import { finishShard } from './finish-shard.js';
import { makeDocuments, type DocumentsDone } from './make-documents.js';
import { MANIFEST_NAME, type ManifestFile, type ManifestOptions } from './manifest.js';
import { nothingChanged } from './noop-result.js';
import type { BatchOptions, SettledOptions } from './options.js';
import { throwIfAborted, withOutputRun, type OutputRun } from './output-run.js';
import { feedPackInOrder, type PackFeed } from './pack-feed.js';
import { planBuild, type BuildPlan } from './plan-build.js';
import { refuseUndrawablePackWords } from './check-pack-words.js';
import { findPlanOnDisk } from './plan-on-disk.js';
import { printFinished } from './print-finished.js';
import { madeAlike, recordedOptions } from './recorded-options.js';
import type { BatchEvents, BatchResult, DocumentOutcome } from './result.js';
import { shardManifestName } from './shard-manifest.js';
import { readBaseline, sinceStage, type Baseline } from './since.js';
import type { BatchStages } from './stages.js';

/** The most PDFs a run merges into the pack while printing; past it, at the end, so the growing pack and the browser are not in memory at once. */
const EAGER_PACK_LIMIT = 200;

/** What a build has settled before its documents are made. */
interface BuildState {
  options: SettledOptions;
  recorded: ManifestOptions;
  zip: boolean;
  tools: ToolInputs;
  decided: RunDecision;
  inputs: BuildInputs;
  plan: BuildPlan;
  /** The earlier edition a build with --since is compared with. */
  baseline?: Baseline;
}

/** Runs the build the options ask for into `options.outDir`, printing on `session`. */
export async function buildRun(given: BatchOptions, events: BatchEvents, session: BrowserSession, stages: BatchStages): Promise<BatchResult> {
  const options = withRunDefaults(given);
  throwIfAborted(options.signal);
  refuseWholeBuildFolder(options);
  refuseUndrawablePackWords(options);
  // Read before the output folder is locked or anything written: a baseline that cannot be read stops the run at once.
  const baseline = await readBaseline(options.since, options.cwd);
  // A no-op build reads the output folder only: one nobody can write in is no reason to fail it.
  return withOutputRun({ ...options, readOnlyOk: true }, events, session, async (run) => {
    // A forced build launches its browser first: launching overlaps hashing the inputs too.
    if (forcedPrint(options)) session.start();
    const recorded = recordedOptions(options);
    const tools: ToolInputs = { fonts: describeFonts(), tool: { name: TOOL.name, version: TOOL.version } };
    // A shard makes no zip: `brief assemble --zip` makes them for the whole plan.
    const zip = Boolean(options.zip) && !options.shard;
    if (options.shard && options.zip) run.warn(`--zip makes no zip in a shard build: brief assemble --zip makes them once every shard is built`);
    const decided = await decideRun(run.output, options, recorded, zip, tools, baseline?.digest);
    if (decided.work.kind === 'nothing') {
      const manifestName = options.shard ? shardManifestName(options.shard) : MANIFEST_NAME;
      return nothingChanged(decided.previous!, { outDir: run.output.outDir, manifestName, shard: Boolean(options.shard), wantZip: zip, started: run.started }, events, run.warn, run.warnings);
    }
    run.output.requireWritable();
    const inputs = await loadBuildInputs(run, options, decided.work.printsAll, stages, session);
    const plan = planBuild(inputs.facts, {
      selection: { programmes: options.programmes, topics: options.topics, formats: options.formats },
      shard: options.shard,
      audiences: options.audiences,
      forAudiences: options.forAudiences,
      marking: options.distribution ?? inputs.facts.meta.distribution ?? null,
    });
    inputs.openPages(plan.pdfCount);
    events.onPlan?.(plan.specs.length);
    const state: BuildState = { options, recorded, zip, tools, decided, inputs, plan, ...(baseline ? { baseline } : {}) };
    const { made, packFeed } = await makePlanned(run, state, events);
    return endBuild(run, state, made, packFeed);
  });
}

/** A shard's folder holds its part and its shard manifest; a whole build's manifest there would go stale. */
function refuseWholeBuildFolder(options: BatchOptions): void {
  const { shard } = options;
  if (shard && existsSync(join(resolve(options.outDir), MANIFEST_NAME))) {
    throw new UsageError(`--shard ${shard.index}/${shard.count}: ${options.outDir} holds a whole build (${MANIFEST_NAME}); build each shard into a folder of its own, e.g. --out out-${shard.index}`);
  }
}

/** Makes every document of the run, merging the pack as they print where the run prints the whole plan. */
async function makePlanned(run: OutputRun, state: BuildState, events: BatchEvents): Promise<{ made: DocumentsDone; packFeed?: PackFeed }> {
  const { options, inputs, plan, decided } = state;
  const [html, skeleton] = await inputs.ready;
  run.reached('loaded');
  let remoteFontsSaid = false;
  const job = {
    facts: inputs.facts,
    html,
    renderOptions: inputs.renderOptions,
    shared: { skeleton, ...state.tools, allowRemote: Boolean(options.allowRemote) },
    force: Boolean(options.force),
    previous: new Map((decided.previous?.files ?? []).map((f) => [f.key, f])),
    writer: run.output.writer,
    verifier: run.output.verifier,
    async print(doc: Parameters<typeof printFinished>[1]) {
      const printed = await printFinished(await run.printer(skeleton), doc);
      // Fonts from the project only cannot be promised on a browser launched elsewhere (issue 11): said once, once it has printed.
      if (options.wsEndpoint && !remoteFontsSaid) {
        remoteFontsSaid = true;
        run.warn(`the browser at ${options.wsEndpoint} was not launched by brief, so its fonts are outside its control: text the bundled fonts do not reach (all of it, if that browser cannot read this machine's files) is set in its own machine's fonts`);
      }
      return printed;
    },
    warn: run.warn,
    strict: Boolean(options.strict),
    throwIfAborted: run.throwIfAborted,
    ...(state.baseline ? { since: sinceStage(state.baseline) } : {}),
  };
  // The pack is merged as the documents print only when this run prints every PDF of the plan.
  const eager = !options.shard && decided.work.kind === 'render' && decided.work.printsAll && plan.selectsEveryPdf && plan.pdfCount <= EAGER_PACK_LIMIT;
  const packFeed = eager ? await feedPackInOrder(plan.specs, run.output.outDir) : undefined;
  const timed: BatchEvents = {
    ...events,
    onDocumentDone(key, info) {
      run.reached('firstDocument');
      events.onDocumentDone?.(key, info);
    },
  };
  const made = await makeDocuments(job, plan.specs, { concurrency: options.concurrency, signal: options.signal, events: timed, packFeed });
  run.reached('documents');
  return { made, ...(packFeed ? { packFeed } : {}) };
}

/** The finishers: a shard's manifest, or the packs, zips and manifest; a stopped run records what is on disk and throws. */
async function endBuild(run: OutputRun, state: BuildState, made: DocumentsDone, packFeed: PackFeed | undefined): Promise<BatchResult> {
  const { options, plan, decided, recorded } = state;
  const { shard } = options;
  const runHash = decided.hashes.runHash;
  const done = new Map(plan.specs.flatMap((spec, i) => (made.entries[i] ? [[spec.key, made.entries[i]] as const] : [])));
  const previous = decided.previous;
  // Documents kept from the earlier manifest only where they were made as this run makes them.
  const kept = previous && madeAlike(previous.options, recorded) ? new Map(previous.files.map((f) => [f.key, f])) : new Map<string, ManifestFile>();
  const stopped = Boolean(options.signal?.aborted || made.fatal || made.failures.length > 0);
  const report = { documents: made.outcomes as DocumentOutcome[], started: run.started, browsersStarted: run.browsersStarted, warnings: run.warnings, stages: run.stages };
  if (shard) {
    const fingerprint = decided.hashes.fingerprint!;
    const ended = await finishShard({ output: run.output, shard, plan: plan.plan, done, kept, tool: state.tools.tool, options: recorded, fingerprint, runHash: stopped ? null : runHash, warn: run.warn }, report);
    if (!stopped) return ended;
  }
  const record = await findPlanOnDisk(plan.plan, done, kept, run.output.verifier);
  if (stopped) {
    const base = { tool: state.tools.tool, options: recorded, ...(state.baseline ? { edition: state.baseline.since } : {}) };
    if (!shard) await writeStoppedManifest({ ...run.output, record, packs: plan.packs, previous, base });
    run.throwIfAborted();
    throw made.fatal ?? describeFailures(made.failures, made.outcomes);
  }
  const [html, skeleton] = await state.inputs.ready;
  return finishRun(
    {
      output: run.output,
      facts: state.inputs.facts,
      html,
      skeleton,
      fonts: state.tools.fonts,
      paper: options.paper,
      author: options.author,
      date: state.inputs.renderOptions.date,
      record,
      packs: plan.packs,
      previous,
      options: recorded,
      runHash,
      zip: state.zip,
      force: Boolean(options.force),
      printer: () => run.printer(skeleton),
      idle: run.idle,
      assembler: packFeed?.assembler,
      throwIfAborted: run.throwIfAborted,
      warn: run.warn,
      ...(state.baseline ? { edition: state.baseline.since } : {}),
    },
    report,
  );
}
