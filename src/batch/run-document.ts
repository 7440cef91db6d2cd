// The batch's executor (issue 12): one document, from its spec to its file on disk and its
// manifest entry. It renders the HTML, keeps the earlier output where its inputs and content are
// unchanged, and otherwise prints (or, for `html`, writes the self-contained page).
import { performance } from 'node:perf_hooks';
import type { RenderedDocument } from '../contracts/document.js';
import type { Facts } from '../facts/facts.js';
import type { FinishedPrint } from './print-finished.js';
import type { RenderOptions } from '../render/render-options.js';
import type { HtmlStage } from './html-stage.js';
import { canReuse, hashDocument, sha256, type SharedInputs } from './input-hash.js';
import type { ManifestFile } from './manifest.js';
import type { DocumentOutcome } from './options.js';
import type { OutputWriter } from './output-writer.js';
import type { OutputVerifier } from './verify-outputs.js';
import type { PlannedSpec } from './plan-audiences.js';

/** What every document of a run is made with. */
export interface DocumentRun {
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
  /** Throws once the run is interrupted: nothing is written after that. */
  throwIfAborted(): void;
}

/** A document done: its manifest entry, what happened, and the PDF's bytes when it was printed now. */
export interface DocumentDone {
  entry: ManifestFile;
  outcome: DocumentOutcome;
  printed?: Uint8Array;
}

export async function runDocument(run: DocumentRun, spec: PlannedSpec): Promise<DocumentDone> {
  const started = performance.now();
  // An audience's own copy is printed with its marking (issue 14).
  const renderOptions = spec.distribution === undefined ? run.renderOptions : { ...run.renderOptions, distribution: spec.distribution };
  const doc = run.html.renderDocument(run.facts, spec, renderOptions);
  const inputHash = hashDocument(doc, run.shared);
  const earlier = run.previous.get(spec.key);
  if (!run.force && earlier && (await canReuse(run.verifier, earlier, inputHash, spec.outputPath))) {
    return { entry: earlier, outcome: outcomeOf(earlier, performance.now() - started, true) };
  }
  let bytes: Uint8Array;
  let pages = 0;
  if (spec.format === 'html') {
    bytes = run.html.standaloneHtml(doc, renderOptions);
  } else {
    const printed = await run.print(doc);
    for (const url of printed.blockedRequests) run.warn(`${spec.outputPath}: blocked a request to ${url}`);
    bytes = printed.bytes;
    pages = printed.pages;
  }
  run.throwIfAborted();
  await run.writer.write(spec.outputPath, bytes);
  const digest = sha256(bytes);
  await run.verifier.remember(spec.outputPath, digest);
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
  return { entry, outcome: outcomeOf(entry, performance.now() - started, false), ...(spec.format === 'html' ? {} : { printed: bytes }) };
}

/** What the run reports of a document, from its manifest entry. */
export function outcomeOf(file: ManifestFile, ms: number, skipped: boolean): DocumentOutcome {
  return { key: file.key, format: file.format, path: file.path, pages: file.pages, bytes: file.bytes, ms, skipped };
}
