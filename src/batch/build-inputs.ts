// What a build loads once it has work (issue 4): the data on a worker thread, the templates on this
// one, and, when every PDF will be printed, the browser started at once with a page per slot opened
// on the print skeleton, so that launching it overlaps with reading the data and the templates.
import type { BrowserSession } from '../browser/index.js';
import type { Skeleton } from '../contracts/document.js';
import { documentDate } from '../documents/document-date.js';
import { formatProblem } from '../errors.js';
import type { Facts } from '../facts/facts.js';
import { renderOptionsFor, type RenderOptions } from '../render/render-options.js';
import type { HtmlStage } from './html-stage.js';
import type { SettledOptions } from './options.js';
import type { OutputRun } from './output-run.js';
import { sweepTempFiles } from './output-writer.js';
import type { BatchStages } from './stages.js';

export interface BuildInputs {
  facts: Facts;
  /** The templates and the print skeleton, loading beside the data. */
  ready: Promise<[HtmlStage, Skeleton]>;
  renderOptions: RenderOptions;
  /** Says how many PDFs the run prints, once the plan is known: warm-up opens no more pages than that. */
  openPages(count: number): void;
}

export async function loadBuildInputs(run: OutputRun, options: SettledOptions, printsAll: boolean, stages: BatchStages, session: BrowserSession): Promise<BuildInputs> {
  let settlePages: (count: number) => void = () => undefined;
  const pagesWanted = new Promise<number>((resolve) => (settlePages = resolve));
  // Once the run ends, warming up (still waiting for the skeleton) starts nothing more.
  let ending = false;
  run.onEnd(() => {
    ending = true;
    settlePages(0);
  });
  stages.prefetch();
  const factsReady = stages.loadFacts(options.dataDir, options.cwd);
  factsReady.catch(() => {});
  const { templatesDir } = run.output;
  // The templates do not depend on the data: they load beside it.
  const templatesReady = stages.readTemplates(templatesDir);
  // The skeleton first: printing starts on it, before Handlebars and the views are loaded.
  const skeletonReady = printsAll ? templatesReady.then((templates) => stages.loadSkeleton(templates, options.paper)) : undefined;
  const htmlReady = templatesReady.then((templates) => stages.loadHtmlStage(templates));
  htmlReady.catch(() => {});
  skeletonReady?.catch(() => {});
  if (skeletonReady) {
    session.start();
    run.waitFor(
      skeletonReady.then((skeleton) => (ending ? undefined : session.printer(skeleton))).then((printer) => printer?.warmUp(pagesWanted))
        .then(() => run.reached('browserReady')),
    );
  }
  await sweepTempFiles(run.output.outDir);
  const facts = await factsReady;
  // What check warns of (issue 13) is said once, before any document renders; it stops nothing.
  for (const warning of facts.warnings) run.warn(formatProblem(warning));
  run.throwIfAborted();
  const ready = Promise.all([htmlReady, skeletonReady ?? htmlReady.then((html) => html.skeleton(options.paper))]);
  ready.catch(() => {});
  const renderOptions = renderOptionsFor({ ...options, date: documentDate(facts.meta.asOf, options.sourceDateEpoch) });
  return { facts, ready, renderOptions, openPages: settlePages };
}
