// `brief build` as a function: plan, decide what changed, render, print, write atomically,
// then the manifest, the pack and the zip. No console output: progress goes through events.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocumentSpec } from '../contracts/document.js';
import { planDocuments } from '../documents/plan.js';
import { renderOptionsFor } from '../render/render-options.js';
import { BriefError, BrowserStartError, InterruptedError, RenderError, UsageError } from '../errors.js';
import type { PoolOptions } from '../pdf/types.js';
import { BUNDLED_TEMPLATES, TOOL } from '../package.js';
import { OutputWriter, sweepTempFiles } from './atomic.js';
import { canReuse, checkRecorded, hashDocument, hashRun, isRunUpToDate, sha256, type SharedInputs } from './cache.js';
import { defaultDeps, type BuildDeps } from './engine.js';
import { finishOutputs } from './finish-outputs.js';
import { lockOutput } from './lock.js';
import { MANIFEST_NAME, readManifest, serializeManifest, type ManifestFile, type ManifestOptions } from './manifest.js';
import type { BuildEvents, BuildOptions, BuildResult, DocumentOutcome } from './options.js';
import { describeConflict, findOutFolderConflict } from './out-folder.js';
import { createRendererCache } from './renderers.js';
import { selectShard } from './shard.js';
import { describeFonts } from '../fonts/describe-fonts.js';
import { OutputVerifier } from './verify-outputs.js';
import { recordWholePlan, warnIncomplete } from './whole-plan.js';
import { DEFAULT_PAPER } from '../contracts/paper.js';

export type { BuildEvents, BuildOptions, BuildResult, DocumentOutcome } from './options.js';

/** Builds the documents the options ask for into `options.outDir`. */
export async function build(options: BuildOptions, events: BuildEvents = {}, deps: BuildDeps = defaultDeps): Promise<BuildResult> {
  const started = performance.now();
  const outDir = resolve(options.outDir);
  const signal = options.signal;
  throwIfAborted(signal);
  const templatesDir = resolve(options.templatesDir ?? BUNDLED_TEMPLATES);
  const conflict = await findOutFolderConflict(outDir, resolve(options.dataDir), options.templatesDir ? templatesDir : undefined);
  if (conflict) throw new UsageError(`the output folder ${outDir} ${describeConflict(conflict)}; choose an output folder outside the inputs`);
  // Checked before the output folder is made: a run refused for its inputs writes nothing.
  if (options.templatesDir && !existsSync(templatesDir)) throw new UsageError(`templates folder not found: ${options.templatesDir}`);
  const release = await lockOutput(outDir);
  const writer = new OutputWriter(outDir);
  const verifier = new OutputVerifier(outDir);
  const renderers = options.renderers ?? createRendererCache(deps.createPdfRenderer);
  const browsersBefore = renderers.created;
  // Closing the browser cuts every print in flight short, so an interrupt ends at once.
  const onAbort = () => void (options.renderers ? undefined : renderers.close().catch(() => {}));
  signal?.addEventListener('abort', onAbort, { once: true });
  // The renderer made and warmed ahead of need (below: its browser up, a page per slot open);
  // waited for before closing, so nothing it starts is left behind.
  let warmUp: Promise<unknown> | undefined;
  let finishing = false;
  // How many PDFs the run prints, once the plan is known: warm-up opens no more pages than that.
  let settlePagesWanted: (count: number) => void = () => undefined;
  const pagesWanted = new Promise<number>((resolve) => (settlePagesWanted = resolve));
  const warnings: string[] = [];
  const warn = (text: string) => {
    warnings.push(text);
    events.onWarning?.(text);
  };
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

    if (!options.force && (await isRunUpToDate(previous, runHash, Boolean(options.zip), intact))) {
      const had = { pack: Boolean(previous!.pack), zip: Boolean(previous!.zip) };
      for (const warning of warnIncomplete(previous!.missing ?? [], had, Boolean(options.zip))) warn(warning);
      const documents = previous!.files.map((f) => outcome(f, 0, true));
      events.onPlan?.(documents.length);
      for (const d of documents) events.onDocumentDone?.(d.key, { path: d.path, pages: d.pages, ms: 0, skipped: true });
      return {
        outDir,
        documents,
        built: 0,
        skipped: documents.length,
        noop: true,
        browsersStarted: 0,
        pack: previous!.pack ? { path: previous!.pack.path, pages: previous!.pack.pages ?? 0, rebuilt: false, ms: 0 } : undefined,
        zip: previous!.zip ? { path: previous!.zip.path, bytes: previous!.zip.bytes } : undefined,
        manifestPath: join(outDir, MANIFEST_NAME),
        warnings,
        ms: performance.now() - started,
      };
    }

    deps.prefetch?.();
    const factsReady = deps.loadFacts(options.dataDir);
    factsReady.catch(() => {});
    const paper = options.paper ?? DEFAULT_PAPER;
    // The templates and the shell do not depend on the data: load them beside it.
    const engineReady = deps.loadEngine(templatesDir);
    engineReady.catch(() => {});
    const pool: PoolOptions = {
      executablePath: options.browserPath,
      wsEndpoint: options.wsEndpoint,
      allowRemote: options.allowRemote,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
    };
    // When every PDF will be printed (forced, or nothing built before), start the browser now, so
    // its launch overlaps with reading the data instead of waiting for the first document.
    const printsAll = (options.force || !previous) && (!options.formats?.length || options.formats.some((f) => f !== 'html'));
    // The shell needs only the templates' styles: when every PDF will be printed, it is read on its
    // own, so the browser can start before the engine is loaded (which reads the templates again).
    const shellReady = (printsAll ? deps.loadShell?.(templatesDir, paper) : undefined) ?? engineReady.then((engine) => engine.renderShell(paper));
    shellReady.catch(() => {});
    if (printsAll) {
      // The browser is launched now, beside reading the data and the templates; the renderer
      // created once the shell is ready prints on it.
      const { startBrowser } = deps;
      if (!options.renderers && startBrowser) renderers.startBrowser(() => startBrowser(pool));
      warmUp = shellReady
        .then((shell) => (finishing ? undefined : renderers.get(shell, pool)))
        .then((renderer) => renderer?.warmUp?.(pagesWanted))
        .catch(() => {});
    }
    await sweepTempFiles(outDir);
    const facts = await factsReady;
    throwIfAborted(signal);
    const specs = selectShard(
      planDocuments(facts, { programmes: options.programmes, topics: options.topics, formats: options.formats }),
      options.shard,
    );
    // The whole plan, whatever this run selected: the manifest, the pack and the zip describe it.
    const plan = planDocuments(facts);
    const pdfCount = specs.filter((s) => s.format !== 'html').length;
    const selectsEveryPdf = pdfCount === plan.filter((s) => s.format !== 'html').length;
    settlePagesWanted(pdfCount);
    events.onPlan?.(specs.length);
    const engine = await engineReady;
    const shell = await shellReady;
    const shared: SharedInputs = { shell, fonts, tool, allowRemote: Boolean(options.allowRemote) };
    const renderOptions = renderOptionsFor(facts, {
      paper,
      distribution: options.distribution,
      author: options.author,
      timeoutMs: options.timeoutMs,
      allowRemote: options.allowRemote,
      sourceDateEpoch: options.sourceDateEpoch,
    });
    // After an interrupt no document may start a browser again: the run is closing.
    let remoteFontsSaid = false;
    const getRenderer = () => {
      throwIfAborted(signal);
      return renderers.get(shell, pool);
    };
    // Fonts from the project only cannot be promised on a browser launched elsewhere (issue 11):
    // said once a build, once that browser has printed.
    const saidRemoteFonts = () => {
      if (!options.wsEndpoint || remoteFontsSaid) return;
      remoteFontsSaid = true;
      warn(`the browser at ${options.wsEndpoint} was not launched by brief, so its fonts are outside its control: text the bundled fonts do not reach (all of it, if that browser cannot read this machine's files) is set in its own machine's fonts`);
    };
    const previousByKey = new Map((previous?.files ?? []).map((f) => [f.key, f]));
    const entries: (ManifestFile | undefined)[] = new Array(specs.length);
    const outcomes: (DocumentOutcome | undefined)[] = new Array(specs.length);
    const failures: { spec: DocumentSpec; error: unknown }[] = [];
    // A full build merges each PDF into the pack as soon as it and every one before it are printed;
    // past EAGER_PACK_LIMIT documents the pack is merged at the end instead, so that the growing
    // pack and the browser's pages are not in memory at once (1.7 GiB against 1.4 GiB at 2,000).
    // Only when the run prints every PDF of the plan: the pack holds them all.
    const packFeed = printsAll && selectsEveryPdf && pdfCount <= EAGER_PACK_LIMIT ? await feedPackInOrder(specs, outDir) : undefined;
    // A browser that cannot be started or reached stops the run: no other document could print.
    let fatal: BrowserStartError | undefined;

    const buildOne = async (spec: DocumentSpec, i: number) => {
      events.onDocumentStart?.(spec.key);
      const t = performance.now();
      const doc = await engine.renderDocument(facts, spec, renderOptions);
      const inputHash = hashDocument(doc, shared);
      const earlier = previousByKey.get(spec.key);
      if (!options.force && (await canReuse(verifier, earlier, inputHash, spec.outputPath))) {
        entries[i] = earlier;
        outcomes[i] = outcome(earlier!, performance.now() - t, true);
      } else {
        let bytes: Uint8Array;
        let pages = 0;
        if (spec.format === 'html') {
          bytes = engine.standaloneHtml(doc, renderOptions);
        } else {
          const printed = await (await getRenderer()).print(doc);
          saidRemoteFonts();
          for (const url of printed.blockedRequests) warn(`${spec.outputPath}: blocked a request to ${url}`);
          bytes = printed.bytes;
          pages = printed.pages;
        }
        throwIfAborted(signal);
        await writer.write(spec.outputPath, bytes);
        const digest = sha256(bytes);
        await verifier.remember(spec.outputPath, digest);
        const entry: ManifestFile = {
          key: spec.key,
          subject: spec.subject,
          format: spec.format,
          path: spec.outputPath,
          title: doc.title,
          pages,
          bytes: bytes.length,
          sha256: digest,
          inputHash,
        };
        entries[i] = entry;
        outcomes[i] = outcome(entry, performance.now() - t, false);
        if (spec.format !== 'html') packFeed?.ready(i, entry, bytes);
      }
      const done = outcomes[i]!;
      events.onDocumentDone?.(spec.key, { path: done.path, pages: done.pages, ms: done.ms, skipped: done.skipped });
    };

    // Twice the pool's width in flight, so HTML for the next documents is ready while pages print.
    const width = Math.max(1, options.concurrency ?? availableParallelism()) * 2;
    let next = 0;
    const worker = async () => {
      while (next < specs.length && !signal?.aborted && !fatal) {
        const i = next++;
        const spec = specs[i]!;
        try {
          await buildOne(spec, i);
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
    const kept = previous && madeAlike(previous.options, recorded) ? previousByKey : new Map<string, ManifestFile>();
    const record = await recordWholePlan(plan, done, kept, verifier);
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
        engine,
        meta: facts.meta,
        paper,
        author: options.author,
        distribution: options.distribution,
        creator: TOOL.creator,
        date: renderOptions.date,
        sharedHash: sha256(`${shell.html}\0${fonts.join(',')}\0${tool.version}`),
        force: Boolean(options.force),
        getRenderer,
        // A browser of the caller's (brief watch) stays open for its next run.
        releaseRenderer: options.renderers ? undefined : () => renderers.close(),
        assembler: packFeed?.assembler,
      },
      throwIfAborted: () => throwIfAborted(signal),
      warn,
    });
    const documents = outcomes as DocumentOutcome[];
    const built = documents.filter((d) => !d.skipped).length;
    return {
      outDir,
      documents,
      built,
      skipped: documents.length - built,
      noop: false,
      browsersStarted: renderers.created - browsersBefore,
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
    signal?.removeEventListener('abort', onAbort);
    finishing = true;
    settlePagesWanted(0);
    // Closed before warm-up is waited for: that cuts short a launch still under way.
    if (!options.renderers) await renderers.close().catch(() => {});
    await warmUp;
    if (!options.renderers) await renderers.close().catch(() => {});
    await writer.temps.removeAll();
    await verifier.save();
    const unreleased = await release();
    if (unreleased) warn(unreleased);
  }
}

/** The most PDFs a build merges into the pack while printing (see above). */
const EAGER_PACK_LIMIT = 200;

/** Hands printed PDFs to a PackAssembler in plan order, whatever order they finish in. */
async function feedPackInOrder(specs: DocumentSpec[], outDir: string) {
  const [{ PackAssembler }, { packPart }] = await Promise.all([import('../pdf/pack-assembler.js'), import('./build-pack.js')]);
  const assembler = new PackAssembler();
  const waiting = new Map<number, { entry: ManifestFile; bytes: Uint8Array }>();
  let next = 0;
  return {
    assembler,
    ready(index: number, entry: ManifestFile, bytes: Uint8Array): void {
      waiting.set(index, { entry, bytes });
      for (; next < specs.length; next++) {
        if (specs[next]!.format === 'html') continue;
        const part = waiting.get(next);
        if (!part) break;
        waiting.delete(next);
        assembler.add(packPart(outDir, part.entry), part.bytes);
      }
    },
  };
}

function outcome(f: ManifestFile, ms: number, skipped: boolean): DocumentOutcome {
  return { key: f.key, format: f.format, path: f.path, pages: f.pages, bytes: f.bytes, ms, skipped };
}

/**
 * What changes the outputs, as the manifest records it and the run hash covers it. Folders are
 * relative to the output folder, so the manifest (and the zip that holds it) is the same wherever
 * the project is checked out.
 */
function recordedOptions(o: BuildOptions): ManifestOptions {
  const fromOut = (folder: string) => relative(resolve(o.outDir), resolve(folder)).split(sep).join('/') || '.';
  return {
    data: fromOut(o.dataDir),
    templates: o.templatesDir ? fromOut(o.templatesDir) : '(bundled)',
    programmes: [...(o.programmes ?? [])].sort(),
    topics: [...(o.topics ?? [])].sort(),
    formats: [...(o.formats ?? [])].sort(),
    paper: o.paper ?? DEFAULT_PAPER,
    distribution: o.distribution,
    author: o.author,
    shard: o.shard ? `${o.shard.index}/${o.shard.count}` : undefined,
    zip: Boolean(o.zip),
    allowRemote: Boolean(o.allowRemote),
  };
}

/** Whether two runs make documents alike (same data, templates, paper, marking, author, remote images), whatever each selected. */
function madeAlike(a: ManifestOptions, b: ManifestOptions): boolean {
  return (['data', 'templates', 'paper', 'distribution', 'author', 'allowRemote'] as const).every((key) => a[key] === b[key]);
}


function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interrupted(signal);
}

function interrupted(signal: AbortSignal): InterruptedError {
  return new InterruptedError(typeof signal.reason === 'string' ? signal.reason : 'an abort');
}

/** One error for the run: the only one as it is, or every document's failure on its own line. */
function describeFailures(failures: { spec: DocumentSpec; error: unknown }[]): BriefError {
  const named = failures.map(({ spec, error }) => {
    const message = error instanceof Error ? error.message : String(error);
    return message.includes(spec.subject.id) ? message : `${spec.outputPath}: ${message}`;
  });
  const first = failures[0]!.error;
  if (failures.length === 1 && first instanceof BriefError) return first;
  const exitCode = first instanceof BriefError ? first.exitCode : new RenderError('').exitCode;
  const shown = named.slice(0, 10).join('\n');
  const more = named.length > 10 ? `\n... and ${named.length - 10} more` : '';
  const error = new BriefError(`${failures.length} document${failures.length === 1 ? '' : 's'} failed:\n${shown}${more}`, {
    exitCode,
    cause: first,
  });
  return error;
}
