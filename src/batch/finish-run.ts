// The end of a run whose documents are all there (a build's, or an assembly's): the packs, zips
// and manifest through finishOutputs, made with the run's templates, paper and printer.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Skeleton } from '../contracts/document.js';
import type { SinceEdition } from '../contracts/editions.js';
import type { Paper } from '../contracts/paper.js';
import type { Facts } from '../facts/facts.js';
import { TOOL } from '../package.js';
import type { PackAssembler } from '../pdf/index.js';
import type { Printer } from '../browser/index.js';
import { finishOutputs } from './finish-outputs.js';
import type { HtmlStage } from './html-stage.js';
import { sha256 } from './input-hash.js';
import { MANIFEST_NAME, type Manifest, type ManifestOptions } from './manifest.js';
import type { BatchResult, RunReport } from './result.js';
import type { OpenOutput } from './open-output.js';
import type { PackPlan } from './plan-audiences.js';
import type { PlanOnDisk } from './plan-on-disk.js';

export interface RunEnd {
  output: OpenOutput;
  facts: Facts;
  html: HtmlStage;
  skeleton: Skeleton;
  fonts: string[];
  paper: Paper;
  author?: string;
  date: Date;
  record: PlanOnDisk;
  packs: readonly PackPlan[];
  previous?: Manifest;
  options: ManifestOptions;
  runHash: string;
  zip: boolean;
  force: boolean;
  printer(): Promise<Printer>;
  idle(): Promise<void>;
  assembler?: PackAssembler;
  throwIfAborted(): void;
  warn(text: string): void;
  /** A build with --since: its edition, in the manifest and on the pack's "What changed" page (issue 22). */
  edition?: SinceEdition;
}

/** Finishes the run and says what it did. */
export async function finishRun(end: RunEnd, report: RunReport): Promise<BatchResult> {
  const tool = { name: TOOL.name, version: TOOL.version };
  const finished = await finishOutputs({
    writer: end.output.writer,
    verifier: end.output.verifier,
    record: end.record,
    packs: end.packs,
    previous: end.previous,
    base: { tool, options: end.options, ...(end.edition ? { edition: end.edition } : {}) },
    runHash: end.runHash,
    zip: end.zip,
    date: end.date,
    pack: {
      outDir: end.output.outDir,
      writer: end.output.writer,
      html: end.html,
      meta: end.facts.meta,
      paper: end.paper,
      author: end.author,
      creator: TOOL.creator,
      date: end.date,
      // The separator keeps the skeleton's old name, "shell": every recorded pack hash depends on it.
      sharedHash: sha256(`${end.skeleton.html}\0${end.fonts.join(',')}\0${tool.version}`),
      force: end.force,
      printer: end.printer,
      idle: end.idle,
      assembler: end.assembler,
      ...(end.edition ? { since: end.edition } : {}),
    },
    throwIfAborted: end.throwIfAborted,
    warn: end.warn,
  });
  const built = report.documents.filter((d) => !d.skipped).length;
  return {
    outDir: end.output.outDir,
    documents: report.documents,
    built,
    skipped: report.documents.length - built,
    noop: false,
    browsersStarted: report.browsersStarted(),
    pack: finished.pack,
    zip: finished.zip,
    audiences: (finished.manifest.audiences ?? []).map((a) => ({ id: a.id, pack: a.pack?.path, zip: a.zip?.path })),
    manifestPath: join(end.output.outDir, MANIFEST_NAME),
    warnings: report.warnings,
    ms: performance.now() - report.started,
    stages: { ...report.stages, ended: Math.round(performance.now() - report.started) },
  };
}
