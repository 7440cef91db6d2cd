// What a build writes once its documents are done: the packs and the zips for the whole plan and
// each audience (or left as they were while documents they hold are missing), then the manifest,
// written last.
import { performance } from 'node:perf_hooks';
import { isPrintedKey } from '../contracts/layouts.js';
import type { PackJob, PackToMake } from './finish-pack.js';
import { MANIFEST_NAME, serializeManifest, type Manifest, type ManifestAudience, type ManifestExtra } from './manifest.js';
import type { BatchResult } from './result.js';
import type { OutputWriter } from './output-writer.js';
import type { PackPlan } from './plan-audiences.js';
import type { OutputVerifier } from './verify-outputs.js';
import { missingPdfs, warnIncomplete, type PlanOnDisk } from './plan-on-disk.js';
import { writeZips, type PackOutputs } from './write-zips.js';

export interface FinishJob {
  writer: OutputWriter;
  verifier: OutputVerifier;
  record: PlanOnDisk;
  /** The whole plan's pack first, then each audience's. */
  packs: readonly PackPlan[];
  /** The manifest before this run. */
  previous?: Manifest;
  /** The manifest's tool and options. */
  base: Pick<Manifest, 'tool' | 'options' | 'edition'>;
  runHash: string;
  zip: boolean;
  /** The time written into the zips. */
  date: Date;
  /** What every pack is made with. */
  pack: Omit<PackJob, 'verifier'>;
  /** Throws once the run is interrupted. */
  throwIfAborted(): void;
  warn(text: string): void;
}

export interface Finished {
  manifest: Manifest;
  pack?: BatchResult['pack'];
  zip?: BatchResult['zip'];
}


/** Writes the packs, the zips and the manifest; on failure, still a manifest that matches the disk. */
export async function finishOutputs(job: FinishJob): Promise<Finished> {
  const { record, writer, verifier } = job;
  const kept = await keptOutputs(job, job.zip);
  const outputs: PackOutputs[] = kept.map((k) => ({ ...k }));
  const states = kept.map((k, i) => ({ path: k.plan.path, zipPath: k.plan.zipPath, keys: k.plan.keys, had: { pack: Boolean(k.pack), zip: Boolean(k.zip) }, everyone: i === 0 }));
  for (const warning of warnIncomplete(record.missing, states, job.zip)) job.warn(warning);
  const manifestOf = (runHash: string | null) => manifestFrom(job, runHash, outputs);
  const finished: Finished = { manifest: manifestOf(job.runHash) };
  const byKey = new Map(record.files.map((f) => [f.key, f]));
  const missing = new Set(record.missing);
  try {
    const packStarted = performance.now();
    const toMake: { at: number; pack: PackToMake }[] = [];
    kept.forEach((k, at) => {
      const pdfs = k.plan.keys.filter(isPrintedKey);
      // A pack the run selected is made; any other once every PDF it holds is there, so none is left out of date.
      const complete = pdfs.length > 0 && missingPdfs(pdfs.filter((key) => missing.has(key))).length === 0;
      if (!k.plan.selected && !complete) return;
      toMake.push({ at, pack: { plan: k.plan, files: pdfs.map((key) => byKey.get(key)!), previous: k.pack } });
    });
    if (toMake.length > 0) {
      const { updatePacks } = await import('./finish-pack.js');
      const made = await updatePacks({ ...job.pack, verifier }, toMake.map((m) => m.pack));
      made.forEach((m, i) => (outputs[toMake[i]!.at]!.pack = m.extra));
      const main = toMake[0]?.at === 0 ? made[0] : undefined;
      if (main) finished.pack = { path: main.extra.path, pages: main.extra.pages ?? 0, rebuilt: main.rebuilt, ms: performance.now() - packStarted };
    } else if (outputs[0]?.pack) {
      finished.pack = { path: outputs[0].pack.path, pages: outputs[0].pack.pages ?? 0, rebuilt: false, ms: performance.now() - packStarted };
    }
    job.throwIfAborted();
    if (job.zip) await writeZips(job, outputs, byKey, missing, () => manifestOf(job.runHash));
    if (outputs[0]?.zip) finished.zip = { path: outputs[0].zip.path, bytes: outputs[0].zip.bytes };
  } catch (error) {
    // The documents are written: record them, so the manifest still matches the files.
    await writer.write(MANIFEST_NAME, serializeManifest(manifestOf(null)));
    throw error;
  }
  finished.manifest = manifestOf(job.runHash);
  await writer.write(MANIFEST_NAME, serializeManifest(finished.manifest));
  return finished;
}

/**
 * The manifest of a run that stopped before its packs (interrupted, or documents failed): what is
 * on disk now, so it still matches the files; the next run redoes the rest.
 */
export async function writeStoppedManifest(job: Pick<FinishJob, 'writer' | 'verifier' | 'record' | 'packs' | 'previous' | 'base'>): Promise<void> {
  const outputs = await keptOutputs(job, true);
  await job.writer.write(MANIFEST_NAME, serializeManifest(manifestFrom(job, null, outputs)));
}

function manifestFrom(job: Pick<FinishJob, 'base' | 'record'>, runHash: string | null, outputs: readonly PackOutputs[]): Manifest {
  const { record } = job;
  return {
    ...job.base,
    runHash,
    files: record.files,
    ...(record.missing.length > 0 ? { missing: record.missing } : {}),
    pack: outputs[0]?.pack,
    zip: outputs[0]?.zip,
    ...(outputs.length > 1 ? { audiences: outputs.slice(1).map(manifestAudience) } : {}),
  };
}

/**
 * Each pack and zip already there, where it is still what the earlier manifest says: kept unless
 * made again. A zip only while zips are asked for: a run without --zip may change what it would hold.
 */
async function keptOutputs(job: Pick<FinishJob, 'verifier' | 'packs' | 'previous'>, zips: boolean): Promise<PackOutputs[]> {
  const { previous, verifier } = job;
  const intact = async (extra: ManifestExtra | undefined, path: string) => (extra && extra.path === path && (await verifier.check(extra)) ? extra : undefined);
  return Promise.all(
    job.packs.map(async (plan, i) => {
      const before = i === 0 ? previous : previous?.audiences?.find((a) => a.id === plan.audience?.id);
      const [pack, zip] = await Promise.all([intact(before?.pack, plan.path), zips ? intact(before?.zip, plan.zipPath) : undefined]);
      return { plan, pack, zip };
    }),
  );
}

/** An audience's entry in the manifest: who it is, its documents, and its pack and zip where made. */
function manifestAudience(outputs: PackOutputs): ManifestAudience {
  const { plan } = outputs;
  return {
    id: plan.audience!.id,
    title: plan.audience!.title,
    distribution: plan.distribution,
    documents: plan.keys,
    ...(outputs.pack ? { pack: outputs.pack } : {}),
    ...(outputs.zip ? { zip: outputs.zip } : {}),
  };
}
