// A full build merges each PDF into the pack as soon as it and every one before it are printed,
// so merging overlaps with printing instead of following it.
import { isPrinted } from '../contracts/layouts.js';
import type { PackAssembler } from '../pdf/index.js';
import { packPart } from './finish-pack.js';
import type { ManifestFile } from './manifest.js';
import type { PlannedSpec } from './plan-audiences.js';

/** Hands printed PDFs to a PackAssembler in plan order, whatever order they finish in. */
export interface PackFeed {
  assembler: PackAssembler;
  ready(index: number, entry: ManifestFile, bytes: Uint8Array): void;
}

export async function feedPackInOrder(specs: readonly PlannedSpec[], outDir: string): Promise<PackFeed> {
  const { PackAssembler } = await import('../pdf/index.js');
  const assembler = new PackAssembler();
  const waiting = new Map<number, { entry: ManifestFile; bytes: Uint8Array }>();
  let next = 0;
  return {
    assembler,
    ready(index, entry, bytes) {
      waiting.set(index, { entry, bytes });
      for (; next < specs.length; next++) {
        // The whole plan's pack holds its PDFs, not the HTML files nor an audience's own copies.
        if (!isPrinted(specs[next]!.format) || specs[next]!.audience) continue;
        const part = waiting.get(next);
        if (!part) break;
        waiting.delete(next);
        assembler.add(packPart(outDir, part.entry), part.bytes);
      }
    },
  };
}
