// The batch's document maker (issue 12): one document, from its spec to its file on disk and its
// manifest entry. It renders the HTML, keeps the earlier output where its inputs and content are
// unchanged, and otherwise writes the file its kind of output is (OUTPUT_KINDS): printed and
// finished into a PDF, or the self-contained HTML page.
import { performance } from 'node:perf_hooks';
import type { RenderedDocument } from '../contracts/document.js';
import type { OutputKind } from '../contracts/layouts.js';
import type { Facts } from '../facts/facts.js';
import type { RenderOptions } from '../render/render-options.js';
import type { HtmlStage } from './html-stage.js';
import { canReuse, hashDocument, sha256, type SharedInputs } from './input-hash.js';
import type { ManifestFile } from './manifest.js';
import type { DocumentOutcome } from './result.js';
import type { OutputWriter } from './output-writer.js';
import type { OutputVerifier } from './verify-outputs.js';
import type { PlannedSpec } from './plan-audiences.js';
import type { FinishedPrint } from './print-finished.js';
import { describeFinding, type ProofFinding } from '../proof/index.js';
import { proofFailure } from './proof-document.js';
import { printSettled } from './settle-print.js';
import type { SinceStage } from './since.js';

/** What every document of a run is made with. */
export interface DocumentJob {
  facts: Facts;
  html: HtmlStage;
  renderOptions: RenderOptions;
  shared: SharedInputs;
  force: boolean;
  /** The earlier manifest's entries, by key. */
  previous: ReadonlyMap<string, ManifestFile>;
  writer: OutputWriter;
  verifier: OutputVerifier;
  /** Prints and finishes a document. */
  print(doc: RenderedDocument): Promise<FinishedPrint>;
  warn(text: string): void;
  /** Proof findings fail the document instead of being warnings (--strict). */
  strict?: boolean;
  /** Throws once the run is interrupted: nothing is written after that. */
  throwIfAborted(): void;
  /** A build with --since: each document carries its edition and what changed (issue 22). */
  since?: SinceStage;
}

/** A document done: its manifest entry, what happened, and the PDF's bytes when it was printed now. */
export interface DocumentDone {
  entry: ManifestFile;
  outcome: DocumentOutcome;
  printed?: Uint8Array;
}

/** A file of one kind of output, and its pages where it has them. */
interface WrittenFile {
  bytes: Uint8Array;
  pages: number;
  /** A printed PDF, for the pack. */
  printed?: Uint8Array;
  /** What the proof found on its pages. */
  proof?: ProofFinding[];
}

/** How each kind of output is made from a rendered document: one writer a kind (Pandoc's model). */
const WRITERS: Record<OutputKind, (job: DocumentJob, doc: RenderedDocument, spec: PlannedSpec, options: RenderOptions) => Promise<WrittenFile>> = {
  async pdf(job, doc, spec) {
    const { printed, proof } = await printSettled(job.print, doc, spec);
    for (const url of printed.blockedRequests) job.warn(`${spec.outputPath}: blocked a request to ${url}`);
    if (job.strict && proof.length > 0) throw proofFailure(proof);
    for (const finding of proof) job.warn(describeFinding(finding));
    return { bytes: printed.bytes, pages: printed.pages, printed: printed.bytes, proof };
  },
  async html(job, doc, _spec, options) {
    return { bytes: job.html.standaloneHtml(doc, options), pages: 0 };
  },
};

export async function makeDocument(job: DocumentJob, spec: PlannedSpec): Promise<DocumentDone> {
  const started = performance.now();
  // An audience's own copy is printed with its marking (issue 14).
  const renderOptions = spec.distribution === undefined ? job.renderOptions : { ...job.renderOptions, distribution: spec.distribution };
  // Its changes are in the body and facts.json, so its input hash changes with the baseline (issue 22).
  const doc = job.html.renderDocument(job.facts, spec, renderOptions, job.since);
  const inputHash = hashDocument(doc, job.shared);
  const earlier = job.previous.get(spec.key);
  if (!job.force && earlier && (await canReuse(job.verifier, earlier, inputHash, spec.outputPath))) {
    return { entry: earlier, outcome: outcomeOf(earlier, performance.now() - started, true) };
  }
  const file = await WRITERS[spec.kind](job, doc, spec, renderOptions);
  job.throwIfAborted();
  await job.writer.write(spec.outputPath, file.bytes);
  const digest = sha256(file.bytes);
  await job.verifier.remember(spec.outputPath, digest);
  const entry: ManifestFile = {
    key: spec.key,
    subject: spec.subject,
    format: spec.format,
    path: spec.outputPath,
    title: doc.title,
    pages: file.pages,
    bytes: file.bytes.length,
    sha256: digest,
    inputHash,
    ...(doc.changes ? { changes: doc.changes } : {}),
  };
  const outcome = { ...outcomeOf(entry, performance.now() - started, false), ...(file.proof ? { proof: file.proof } : {}) };
  return { entry, outcome, ...(file.printed ? { printed: file.printed } : {}) };
}

/** What the run reports of a document, from its manifest entry. */
export function outcomeOf(file: ManifestFile, ms: number, skipped: boolean): DocumentOutcome {
  return { key: file.key, format: file.format, path: file.path, pages: file.pages, bytes: file.bytes, ms, skipped };
}
