// A partial build (--programme, --topic, --format, --shard) never shrinks the manifest or the pack
// (issue 11): the manifest describes the whole plan, and the pack and the zip are made again only
// when every document they hold is there; otherwise they are left as they were, and a warning says why.
import type { DocumentSpec } from '../contracts/document.js';
import { isPrintedKey } from '../contracts/layouts.js';
import { PACK_NAME, ZIP_NAME, type Manifest, type ManifestFile } from './manifest.js';
import { audienceFolder, isAudienceCopy } from './plan-audiences.js';
import type { OutputVerifier } from './verify-outputs.js';

/** The whole plan as the manifest records it. */
export interface PlanOnDisk {
  /** Each document of the plan whose file is there and intact, in plan order. */
  files: ManifestFile[];
  /** Keys of the documents of the plan that are not. */
  missing: string[];
}

/**
 * The documents this run wrote or kept (`done`), and for the rest of the plan the earlier entry
 * where its file is still there with its recorded sha256: a manifest never vouches for a file it
 * has not seen intact.
 */
export async function findPlanOnDisk(
  plan: readonly DocumentSpec[],
  done: ReadonlyMap<string, ManifestFile>,
  previous: ReadonlyMap<string, ManifestFile>,
  verifier: OutputVerifier,
): Promise<PlanOnDisk> {
  const found = await Promise.all(
    plan.map(async (spec) => {
      const entry = done.get(spec.key);
      if (entry) return entry;
      const earlier = previous.get(spec.key);
      return earlier && earlier.path === spec.outputPath && (await verifier.check(earlier)) ? earlier : undefined;
    }),
  );
  return {
    files: found.filter((entry): entry is ManifestFile => entry !== undefined),
    missing: plan.filter((_, i) => !found[i]).map((spec) => spec.key),
  };
}

/** The PDF documents among missing keys (a key ends with its format, e.g. `programmes/my-programme/brief`). */
export function missingPdfs(missing: readonly string[]): string[] {
  return missing.filter(isPrintedKey);
}

/** Why a pack or a zip was not made: `briefing-pack.pdf left as it was: 30 documents of the plan are not built; run brief build`. */
export function explainNotMade(output: string, missing: number, existed: boolean): string {
  const documents = missing === 1 ? '1 document of the plan is' : `${missing} documents of the plan are`;
  const command = output.endsWith('.zip') ? 'brief build --zip' : 'brief build';
  return `${output} ${existed ? 'left as it was' : 'not made'}: ${documents} not built; run ${command}`;
}

/** A pack and its zip as the warnings see them: their paths, the keys they hold, and whether they are there. */
export interface PackState {
  path: string;
  zipPath: string;
  /** Keys of the documents it holds; its zip, for the whole plan's, holds every document of the plan. */
  keys: readonly string[];
  had: { pack: boolean; zip: boolean };
  /** The whole plan's: its zip holds every document of the plan. */
  everyone: boolean;
}

/** The warnings an incomplete plan gives: for each pack, and for each zip when zips are asked for. */
export function warnIncomplete(missing: readonly string[], packs: readonly PackState[], wantZip: boolean): string[] {
  const warnings: string[] = [];
  const gone = new Set(missing);
  for (const pack of packs) {
    const its = pack.keys.filter((key) => gone.has(key));
    const pdfs = missingPdfs(its).length;
    if (pdfs > 0) warnings.push(explainNotMade(pack.path, pdfs, pack.had.pack));
    const forZip = pack.everyone ? missing.length : its.length;
    if (wantZip && forZip > 0) warnings.push(explainNotMade(pack.zipPath, forZip, pack.had.zip));
  }
  return warnings;
}

/** The packs a manifest records, as the warnings see them (a run with nothing to do repeats its warnings). */
export function packStatesOf(manifest: Manifest): PackState[] {
  const keys = [...manifest.files.map((f) => f.key), ...(manifest.missing ?? [])];
  const everyone: PackState = {
    path: PACK_NAME,
    zipPath: ZIP_NAME,
    keys: keys.filter((key) => !isAudienceCopy(key)),
    had: { pack: Boolean(manifest.pack), zip: Boolean(manifest.zip) },
    everyone: true,
  };
  const audiences = (manifest.audiences ?? []).map(
    (a): PackState => ({
      path: `${audienceFolder(a.id)}/${PACK_NAME}`,
      zipPath: `${audienceFolder(a.id)}/${ZIP_NAME}`,
      keys: a.documents,
      had: { pack: Boolean(a.pack), zip: Boolean(a.zip) },
      everyone: false,
    }),
  );
  return [everyone, ...audiences];
}
