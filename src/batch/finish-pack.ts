// The pack finisher: decides whether the pack must be made again, and makes it: front matter
// printed by the run's printer, the documents read back from the output folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Paper } from '../contracts/paper.js';
import type { PdfMetadata } from '../contracts/document.js';
import type { Meta } from '../facts/schema.js';
import type { Printer } from '../pdf/types.js';
import type { OutputWriter } from './output-writer.js';
import type { OutputVerifier } from './verify-outputs.js';
import { OutputError } from '../errors.js';
import { PACK_NAME, type ManifestExtra, type ManifestFile } from './manifest.js';
import { sha256 } from './input-hash.js';
import type { FrontMatterView } from '../render/front-matter.js';
import type { HtmlStage } from './html-stage.js';
import type { PackAssembler, PackPart } from '../pdf/pack-assembler.js';
import { formatDate } from '../render/format/dates.js';

export interface PackJob {
  outDir: string;
  writer: OutputWriter;
  /** Takes note of the pack's fingerprint once it is written. */
  verifier: Pick<OutputVerifier, 'remember'>;
  /** The templates at work: the pack's front matter is rendered with them. */
  html: Pick<HtmlStage, 'renderFrontMatter' | 'frontMatterSources'>;
  /** The PDF documents of the run, in plan order. */
  files: ManifestFile[];
  meta: Meta;
  paper: Paper;
  author?: string;
  distribution?: string;
  creator: string;
  date: Date;
  /** Part of the pack's input hash: the print skeleton, fonts and tool. */
  sharedHash: string;
  /** The pack already there, checked intact against its sha256. */
  previous?: ManifestExtra;
  force: boolean;
  printer(): Promise<Printer>;
  /** Tells the session nothing is left to print: its browser may close while the pack is saved. */
  idle(): Promise<void>;
  /** The parts already merged while the documents printed (a full build), in `files` order. */
  assembler?: PackAssembler;
}

/** A document of the run as a part of the pack, read back from the output folder when merged, and checked against its sha256. */
export function packPart(outDir: string, file: ManifestFile): PackPart {
  const read = async () => {
    const bytes = await readFile(join(outDir, file.path));
    if (sha256(bytes) !== file.sha256) throw new OutputError(`${file.path} changed on disk during the build; the pack was not written: run the build again`);
    return bytes;
  };
  return { key: file.key, title: file.title, kind: file.subject.kind, pages: file.pages, read };
}


/** Writes output/briefing-pack.pdf when its parts or front matter changed or it is missing. */
export async function updatePack(job: PackJob): Promise<{ extra: ManifestExtra; rebuilt: boolean }> {
  const templates = job.html.frontMatterSources();
  const metadata = packMetadata(job);
  const inputHash = sha256(
    JSON.stringify({
      parts: job.files.map((f) => [f.key, f.title, f.pages, f.sha256]),
      metadata,
      paper: job.paper,
      distribution: job.distribution ?? job.meta.distribution ?? null,
      edition: job.meta.edition ?? null,
      templates,
      shared: job.sharedHash,
    }),
  );
  const previous = job.previous;
  if (!job.force && previous?.inputHash === inputHash) {
    return { extra: previous, rebuilt: false };
  }
  const { PackAssembler, numberParts, printFrontMatter } = await import('../pdf/pack-assembler.js');
  const printer = await job.printer();
  const printFront = async (frontPages: number) => {
    const starts = numberParts(
      job.files.map((f) => ({ key: f.key, pages: f.pages })),
      frontPages,
    );
    const doc = job.html.renderFrontMatter(frontMatterView(job, starts), job.paper, metadata);
    return (await printer.print(doc)).bytes;
  };
  // The front matter is the last thing printed: the browser is let go as soon as it is.
  const front = await printFrontMatter(printFront);
  const released = job.idle();
  let pack;
  if (job.assembler) {
    // Merged while the documents printed: the browser closes while the last merges and the save run.
    released.catch(() => {});
    pack = await job.assembler.finish(front, metadata);
  } else {
    // Merged here, at the end (a large run, or only some documents changed): only once the browser
    // is gone, so that the growing pack and the browser are never in memory together (at 2,000
    // documents that was the run's peak, over 1.5 GiB).
    await released;
    const assembler = new PackAssembler();
    for (const file of job.files) assembler.add(packPart(job.outDir, file));
    pack = await assembler.finish(front, metadata);
  }
  await job.writer.write(PACK_NAME, pack.bytes);
  const digest = sha256(pack.bytes);
  await job.verifier.remember(PACK_NAME, digest);
  return {
    extra: { path: PACK_NAME, pages: pack.pages, bytes: pack.bytes.length, sha256: digest, inputHash },
    rebuilt: true,
  };
}

function packMetadata(job: PackJob): PdfMetadata {
  return {
    title: `${job.meta.title}: briefing pack`,
    author: job.author ?? job.meta.author,
    subject: `${job.files.length} documents, as of ${formatDate(job.meta.asOf)}`,
    keywords: job.meta.keywords ?? [],
    creator: job.creator,
    producer: job.creator,
    language: job.meta.language ?? 'en',
    date: job.date,
  };
}

function frontMatterView(job: PackJob, starts: Map<string, number>): FrontMatterView {
  const groups: FrontMatterView['groups'] = [];
  for (const kind of ['programme', 'topic'] as const) {
    const entries = job.files
      .filter((f) => f.subject.kind === kind)
      .map((f) => ({ title: f.title, format: f.format, page: starts.get(f.key) ?? 0 }));
    if (entries.length > 0) groups.push({ kind, entries });
  }
  return {
    title: job.meta.title,
    asOf: job.meta.asOf,
    edition: job.meta.edition ?? null,
    author: job.author ?? job.meta.author,
    distribution: job.distribution ?? job.meta.distribution ?? null,
    documentCount: job.files.length,
    groups,
  };
}
