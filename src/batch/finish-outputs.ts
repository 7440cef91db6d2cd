// What a build writes once its documents are done: the pack and the zip for the whole plan (or
// left as they were while documents of the plan are missing), then the manifest, written last.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OutputError } from '../errors.js';
import type { OutputWriter } from './output-writer.js';
import type { PackJob } from './finish-pack.js';
import { sha256 } from './input-hash.js';
import { MANIFEST_NAME, serializeManifest, ZIP_NAME, type Manifest, type ManifestExtra } from './manifest.js';
import type { BatchResult } from './options.js';
import type { OutputVerifier } from './verify-outputs.js';
import { missingPdfs, warnIncomplete, type WholePlanRecord } from './whole-plan.js';

export interface FinishJob {
  writer: OutputWriter;
  verifier: OutputVerifier;
  record: WholePlanRecord;
  /** The manifest before this run. */
  previous?: Manifest;
  /** The manifest's tool and options. */
  base: Pick<Manifest, 'tool' | 'options'>;
  runHash: string;
  zip: boolean;
  /** The time written into the zip. */
  date: Date;
  /** What the pack is made from, but its files and the earlier pack: given here. */
  pack: Omit<PackJob, 'files' | 'previous' | 'verifier'>;
  /** Throws once the run is interrupted. */
  throwIfAborted(): void;
  warn(text: string): void;
}

export interface Finished {
  manifest: Manifest;
  pack?: BatchResult['pack'];
  zip?: BatchResult['zip'];
}

/** Writes the pack, the zip and the manifest; on failure, still a manifest that matches the disk. */
export async function finishOutputs(job: FinishJob): Promise<Finished> {
  const { record, previous, writer, verifier } = job;
  // The pack and zip already there, where they are still what the manifest says: kept if not made again.
  const [packIntact, zipIntact] = await Promise.all([
    previous?.pack ? verifier.check(previous.pack) : false,
    previous?.zip ? verifier.check(previous.zip) : false,
  ]);
  const kept = { pack: packIntact ? previous?.pack : undefined, zip: zipIntact ? previous?.zip : undefined };
  const manifest: Manifest = {
    ...job.base,
    runHash: job.runHash,
    files: record.files,
    ...(record.missing.length > 0 ? { missing: record.missing } : {}),
  };
  const finished: Finished = { manifest };
  for (const warning of warnIncomplete(record.missing, { pack: Boolean(kept.pack), zip: Boolean(kept.zip) }, job.zip)) job.warn(warning);
  try {
    const packStarted = performance.now();
    const pdfs = record.files.filter((f) => f.format !== 'html');
    if (missingPdfs(record.missing).length > 0) {
      manifest.pack = kept.pack;
    } else if (pdfs.length > 0) {
      const { updatePack } = await import('./finish-pack.js');
      const updated = await updatePack({ ...job.pack, verifier, files: pdfs, previous: kept.pack });
      manifest.pack = updated.extra;
    }
    if (manifest.pack) {
      const rebuilt = manifest.pack !== kept.pack;
      finished.pack = { path: manifest.pack.path, pages: manifest.pack.pages ?? 0, rebuilt, ms: performance.now() - packStarted };
    }
    job.throwIfAborted();
    if (job.zip && record.missing.length > 0) {
      manifest.zip = kept.zip;
    } else if (job.zip) {
      manifest.zip = await writeZip(job, manifest);
    }
    if (manifest.zip) finished.zip = { path: manifest.zip.path, bytes: manifest.zip.bytes };
  } catch (error) {
    // The documents are written: record them, so the manifest still matches the files.
    await writer.write(MANIFEST_NAME, serializeManifest({ ...manifest, runHash: null, pack: manifest.pack ?? kept.pack, zip: manifest.zip ?? kept.zip }));
    throw error;
  }
  await writer.write(MANIFEST_NAME, serializeManifest(manifest));
  return finished;
}

/** The zip of every output and the manifest; each file checked against its sha256 as it is read, so a damaged one is never shipped. */
async function writeZip(job: FinishJob, manifest: Manifest): Promise<ManifestExtra> {
  const { zipOutputs } = await import('./zip.js');
  const outDir = job.writer.root;
  const recorded = [...manifest.files, ...(manifest.pack ? [manifest.pack] : [])];
  const entries = await Promise.all(
    recorded.map(async (file) => {
      const bytes = await readFile(join(outDir, file.path)).catch((error: Error) => {
        throw new OutputError(`cannot read ${file.path} for the zip: ${error.message}`, error);
      });
      if (sha256(bytes) !== file.sha256) {
        throw new OutputError(`${file.path} changed on disk during the build; the zip was not written: run the build again`);
      }
      return { path: file.path, bytes };
    }),
  );
  entries.push({ path: MANIFEST_NAME, bytes: Buffer.from(serializeManifest(manifest)) });
  const bytes = await zipOutputs(entries, job.date);
  await job.writer.write(ZIP_NAME, bytes);
  const digest = sha256(bytes);
  await job.verifier.remember(ZIP_NAME, digest);
  return { path: ZIP_NAME, bytes: bytes.length, sha256: digest, inputHash: job.runHash };
}
