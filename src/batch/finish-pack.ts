// The pack finisher: decides which packs must be made again (the whole plan's and each audience's),
// prints their front matter with the run's printer, lets the browser go, and merges each from the
// documents in the output folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SinceEdition } from '../contracts/editions.js';
import type { Paper } from '../contracts/paper.js';
import type { PdfMetadata } from '../contracts/document.js';
import type { Meta } from '../facts/schema.js';
import type { Printer } from '../browser/index.js';
import type { OutputWriter } from './output-writer.js';
import type { OutputVerifier } from './verify-outputs.js';
import { OutputError } from '../errors.js';
import { packPageUri } from '../contracts/pack-pages.js';
import type { ManifestExtra, ManifestFile } from './manifest.js';
import { sha256 } from './input-hash.js';
import type { FrontMatterView } from '../render/front-matter.js';
import type { HtmlStage } from './html-stage.js';
import type { FrontMatter, PackAssembler, PackPart } from '../pdf/index.js';
import { printFinished } from './print-finished.js';
import { assertDrawable } from '../render/check-drawable.js';
import type { PackPlan } from './plan-audiences.js';

/** What every pack of a run is made with. */
export interface PackJob {
  outDir: string;
  writer: OutputWriter;
  /** Takes note of a pack's fingerprint once it is written. */
  verifier: Pick<OutputVerifier, 'remember'>;
  /** The templates at work: the front matter is rendered with them. */
  html: Pick<HtmlStage, 'renderFrontMatter' | 'frontMatterSources' | 'packWording'>;
  meta: Meta;
  paper: Paper;
  author?: string;
  creator: string;
  date: Date;
  /** Part of each pack's input hash: the print skeleton, fonts and tool. */
  sharedHash: string;
  force: boolean;
  printer(): Promise<Printer>;
  /** Tells the session nothing is left to print: its browser may close while the packs are saved. */
  idle(): Promise<void>;
  /** The whole plan's parts, merged while the documents printed (a full build), in its files' order. */
  assembler?: PackAssembler;
  /** A build with --since: the pack lists the documents that changed after its contents (issue 22). */
  since?: SinceEdition;
}

/** One pack to make: what it is, its PDFs in order, and the pack already there (checked intact). */
export interface PackToMake {
  plan: PackPlan;
  files: ManifestFile[];
  previous?: ManifestExtra;
}

/** A document as a part of a pack, read back from the output folder when merged, and checked against its sha256. */
export function packPart(outDir: string, file: ManifestFile): PackPart {
  const read = async () => {
    const bytes = await readFile(join(outDir, file.path));
    if (sha256(bytes) !== file.sha256) throw new OutputError(`${file.path} changed on disk during the build; the pack was not written: run the build again`);
    return bytes;
  };
  return { key: file.key, title: file.title, kind: file.subject.kind, pages: file.pages, read };
}


/** Writes each pack whose parts or front matter changed or that is missing; the others are kept. */
export async function updatePacks(job: PackJob, packs: readonly PackToMake[]): Promise<{ extra: ManifestExtra; rebuilt: boolean }[]> {
  const templates = job.html.frontMatterSources();
  const hashes = packs.map((pack) => packInputHash(job, pack, templates));
  const stale = packs.flatMap((pack, i) => (job.force || pack.previous?.inputHash !== hashes[i] ? [i] : []));
  const made = new Map<number, { extra: ManifestExtra; rebuilt: boolean }>();
  if (stale.length > 0) {
    const { PackAssembler, numberParts, printFrontMatter } = await import('../pdf/index.js');
    const printer = await job.printer();
    // Every front matter is printed first: the browser is let go as soon as the last one is.
    const fronts: FrontMatter[] = [];
    for (const i of stale) {
      const pack = packs[i]!;
      fronts.push(
        await printFrontMatter(async (frontPages) => {
          const starts = numberParts(pack.files, frontPages);
          const doc = job.html.renderFrontMatter(frontMatterView(job, pack, starts), job.paper, packMetadata(job, pack));
          // The last guard of what a pack draws (issue 20): its words were checked where they are written.
          const { pageNumber } = packWording(job, pack);
          assertDrawable(pack.plan.path, { html: doc.body, text: [pack.plan.distribution ?? '', pageNumber] }, () => 'the pack\'s front matter');
          return (await printFinished(printer, doc)).bytes;
        }),
      );
    }
    const released = job.idle();
    released.catch(() => {});
    for (const [n, i] of stale.entries()) {
      const pack = packs[i]!;
      let assembler = !pack.plan.audience ? job.assembler : undefined;
      if (!assembler) {
        // Merged here, at the end: only once the browser is gone, so that a growing pack and the
        // browser are never in memory together (at 2,000 documents that was the run's peak, over 1.5 GiB).
        await released;
        assembler = new PackAssembler();
        for (const file of pack.files) assembler.add(packPart(job.outDir, file));
      }
      const assembled = await assembler.finish(fronts[n]!, packMetadata(job, pack), packWording(job, pack));
      await job.writer.write(pack.plan.path, assembled.bytes);
      const digest = sha256(assembled.bytes);
      await job.verifier.remember(pack.plan.path, digest);
      const extra = { path: pack.plan.path, pages: assembled.pages, bytes: assembled.bytes.length, sha256: digest, inputHash: hashes[i]! };
      made.set(i, { extra, rebuilt: true });
    }
  }
  return packs.map((pack, i) => made.get(i) ?? { extra: pack.previous!, rebuilt: false });
}

/** Everything a pack is made from: its parts, metadata, paper, marking, audience, templates and the shared inputs. */
function packInputHash(job: PackJob, pack: PackToMake, templates: ReturnType<PackJob['html']['frontMatterSources']>): string {
  return sha256(
    JSON.stringify({
      parts: pack.files.map((f) => [f.key, f.title, f.pages, f.sha256, ...(f.changes ? [f.changes] : [])]),
      metadata: packMetadata(job, pack),
      paper: job.paper,
      distribution: pack.plan.distribution,
      edition: job.meta.edition ?? null,
      ...(job.since ? { since: job.since } : {}),
      ...(pack.plan.audience ? { audience: pack.plan.audience } : {}),
      templates,
      shared: job.sharedHash,
    }),
  );
}

function packWording(job: PackJob, pack: PackToMake) {
  const lang = job.meta.language ?? 'en';
  return job.html.packWording({ title: job.meta.title, audience: pack.plan.audience?.title ?? null, documentCount: pack.files.length, asOf: job.meta.asOf, lang });
}

function packMetadata(job: PackJob, pack: PackToMake): PdfMetadata {
  const { title, subject } = packWording(job, pack);
  return {
    title,
    author: job.author ?? job.meta.author,
    subject,
    keywords: job.meta.keywords ?? [],
    creator: job.creator,
    producer: job.creator,
    language: job.meta.language ?? 'en',
    date: job.date,
  };
}

function frontMatterView(job: PackJob, pack: PackToMake, starts: Map<string, number>): FrontMatterView {
  const groups: FrontMatterView['groups'] = [];
  for (const kind of ['programme', 'topic'] as const) {
    const entries = pack.files
      .filter((f) => f.subject.kind === kind)
      .map((f) => ({ title: f.title, format: f.format, page: starts.get(f.key) ?? 0, href: packPageUri(starts.get(f.key) ?? 0) }));
    if (entries.length > 0) groups.push({ kind, entries });
  }
  return {
    title: job.meta.title,
    audience: pack.plan.audience?.title ?? null,
    asOf: job.meta.asOf,
    edition: job.since ? String(job.since.number) : job.meta.edition ?? null,
    author: job.author ?? job.meta.author,
    distribution: pack.plan.distribution,
    documentCount: pack.files.length,
    groups,
    previousAsOf: job.since?.previousAsOf ?? null,
    changed: job.since ? changedEntries(pack.files, starts) : [],
  };
}

/** The documents that changed, in pack order, each linked to its first page, what changed named as far as the page says it. */
function changedEntries(files: readonly ManifestFile[], starts: Map<string, number>): FrontMatterView['changed'] {
  return files.flatMap((f) => {
    if (!f.changes) return [];
    const page = starts.get(f.key) ?? 0;
    const { count, named } = f.changes;
    return [{ title: f.title, format: f.format, page, href: packPageUri(page), count, named, more: Math.max(0, count - named.length) }];
  });
}
