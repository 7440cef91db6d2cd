// A partial build (--programme, --topic, --format, --shard) never shrinks the manifest or the pack
// (issue 11): the manifest describes the whole plan, and the pack and the zip are made again only
// when every document they hold is there; otherwise they are left as they were, and a warning says why.
import type { DocumentSpec } from '../contracts/document.js';
import { PACK_NAME, ZIP_NAME, type ManifestFile } from './manifest.js';
import type { OutputVerifier } from './verify-outputs.js';

/** The whole plan as the manifest records it. */
export interface WholePlanRecord {
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
export async function recordWholePlan(
  plan: readonly DocumentSpec[],
  done: ReadonlyMap<string, ManifestFile>,
  previous: ReadonlyMap<string, ManifestFile>,
  verifier: OutputVerifier,
): Promise<WholePlanRecord> {
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

/** The PDF documents among missing keys (a key ends with its format, e.g. `programmes/qiming/brief`). */
export function missingPdfs(missing: readonly string[]): string[] {
  return missing.filter((key) => !key.endsWith('/html'));
}

/** Why the pack or the zip was not made: `briefing-pack.pdf left as it was: 30 documents of the plan are not built; run brief build`. */
export function explainNotMade(output: typeof PACK_NAME | typeof ZIP_NAME, missing: number, existed: boolean): string {
  const documents = missing === 1 ? '1 document of the plan is' : `${missing} documents of the plan are`;
  const command = output === ZIP_NAME ? 'brief build --zip' : 'brief build';
  return `${output} ${existed ? 'left as it was' : 'not made'}: ${documents} not built; run ${command}`;
}

/** The warnings an incomplete plan gives: for the pack, and for the zip when one is asked for. */
export function warnIncomplete(missing: readonly string[], had: { pack: boolean; zip: boolean }, wantZip: boolean): string[] {
  const warnings: string[] = [];
  const pdfs = missingPdfs(missing).length;
  if (pdfs > 0) warnings.push(explainNotMade(PACK_NAME, pdfs, had.pack));
  if (wantZip && missing.length > 0) warnings.push(explainNotMade(ZIP_NAME, missing.length, had.zip));
  return warnings;
}
