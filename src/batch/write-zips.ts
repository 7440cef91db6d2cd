// --zip: each audience's archive (its documents and its pack, laid out as an output folder of its
// own), then the whole plan's (every output and the manifest). Each file is checked against its
// sha256 as it is read, so a damaged one is never shipped.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError } from '../errors.js';
import { sha256 } from './input-hash.js';
import { MANIFEST_NAME, PACK_NAME, ZIP_NAME, serializeManifest, type Manifest, type ManifestExtra, type ManifestFile } from './manifest.js';
import type { OutputWriter } from './output-writer.js';
import { audienceFolder, type PackPlan } from './plan-audiences.js';
import type { OutputVerifier } from './verify-outputs.js';
import type { ZipEntry } from './zip.js';

/** What each pack and zip is while the run finishes: kept from before, or made now. */
export interface PackOutputs {
  plan: PackPlan;
  pack?: ManifestExtra;
  zip?: ManifestExtra;
}

/** What the zips are written with. */
export interface ZipJob {
  writer: OutputWriter;
  verifier: Pick<OutputVerifier, 'remember'>;
  /** The time written into the zips. */
  date: Date;
  /** Each zip's input hash. */
  runHash: string;
}

/** Writes every zip whose documents are all there; the others stay as they were. */
export async function writeZips(
  job: ZipJob,
  outputs: PackOutputs[],
  byKey: ReadonlyMap<string, ManifestFile>,
  missing: ReadonlySet<string>,
  manifest: () => Manifest,
): Promise<void> {
  // The audiences' first: the whole plan's zip holds the manifest, which records them.
  for (const output of outputs.slice(1)) {
    const { plan } = output;
    if (plan.keys.some((key) => missing.has(key)) || !output.pack) continue;
    const folder = `${audienceFolder(plan.audience!.id)}/`;
    // Inside, the audience's own copies lie where a build's documents do: programmes/<id>/...
    const files = plan.keys.map((key) => byKey.get(key)!).map((file) => ({ file, as: file.path.startsWith(folder) ? file.path.slice(folder.length) : file.path }));
    const entries = await readEntries(job.writer.root, [...files, { file: output.pack, as: PACK_NAME }]);
    output.zip = await writeZip(job, plan.zipPath, entries);
  }
  const [everyone] = outputs;
  if (!everyone || missing.size > 0) return;
  // Only what is marked as the data is (issue 20): an audience's copies and packs go in its own zip alone.
  const ours = new Set(everyone.plan.keys);
  const files = [...byKey.values()].filter((file) => ours.has(file.key));
  const recorded = [...files, ...(everyone.pack ? [everyone.pack] : [])];
  const entries = await readEntries(job.writer.root, recorded.map((file) => ({ file, as: file.path })));
  entries.push({ path: MANIFEST_NAME, bytes: Buffer.from(serializeManifest(zipManifest(manifest(), files))) });
  everyone.zip = await writeZip(job, ZIP_NAME, entries);
}

/**
 * The manifest inside the whole plan's zip: of what the zip holds, so it names no audience, its
 * marking or its documents; and without the zip itself, which cannot hold its own sha256.
 */
function zipManifest(manifest: Manifest, files: ManifestFile[]): Manifest {
  const { audiences: _audiences, forAudiences: _for, ...options } = manifest.options;
  const { audiences: _recorded, zip: _zip, ...rest } = manifest;
  return { ...rest, options, files };
}

async function readEntries(outDir: string, files: { file: Pick<ManifestFile, 'path' | 'sha256'>; as: string }[]): Promise<ZipEntry[]> {
  return Promise.all(
    files.map(async ({ file, as }) => {
      const bytes = await readFile(join(outDir, file.path)).catch((error: Error) => {
        throw new OutputError(`cannot read ${file.path} for the zip: ${error.message}`, error);
      });
      if (sha256(bytes) !== file.sha256) {
        throw new OutputError(`${file.path} changed on disk during the build; the zip was not written: run the build again`);
      }
      return { path: as, bytes };
    }),
  );
}

async function writeZip(job: ZipJob, path: string, entries: ZipEntry[]): Promise<ManifestExtra> {
  const { zipOutputs } = await import('./zip.js');
  const bytes = await zipOutputs(entries, job.date);
  await job.writer.write(path, bytes);
  const digest = sha256(bytes);
  await job.verifier.remember(path, digest);
  return { path, bytes: bytes.length, sha256: digest, inputHash: job.runHash };
}
