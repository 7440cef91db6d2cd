// Printing a document until its pages are well made (issue 18): where the proof finds a fault at a
// page break (a last page used less than a quarter, a line, row or item carried alone, a heading
// stranded at a page foot) or a sheet a third empty, the document is printed again set a little
// closer, looser or larger, as a compositor re-sets a page. The layout names the steps
// (LAYOUTS[...].resets; a brief's keep its body type's size). The first print the proof finds no
// such fault in is kept, else the one with the fewest faults. The steps are the same on every
// machine, so the bytes are too.
import type { RenderedDocument } from '../contracts/document.js';
import { FORMAT_TABLE, LAYOUTS } from '../contracts/layouts.js';
import { RESET_FAULTS, type ProofFinding } from '../proof/index.js';
import type { PlannedSpec } from './plan-audiences.js';
import type { FinishedPrint } from './print-finished.js';
import { proofDocument } from './proof-document.js';

/** A print and what the proof found in it. */
export interface ProofedPrint {
  /** The print, its objects let go once proofed: only the bytes are written and packed. */
  printed: Omit<FinishedPrint, 'file'>;
  proof: ProofFinding[];
}

export async function printSettled(print: (doc: RenderedDocument) => Promise<FinishedPrint>, doc: RenderedDocument, spec: PlannedSpec): Promise<ProofedPrint> {
  const proofed = async (d: RenderedDocument): Promise<ProofedPrint> => {
    const { file, ...printed } = await print(d);
    return { printed, proof: proofDocument(file, spec) };
  };
  let best = await proofed(doc);
  for (const step of LAYOUTS[FORMAT_TABLE[spec.format].layout].resets) {
    if (resetFaults(best) === 0) break;
    const reset = await proofed({ ...doc, bodyClass: `${doc.bodyClass} ${step}` });
    if (resetFaults(reset) < resetFaults(best) && reset.proof.length <= best.proof.length) best = reset;
  }
  return best;
}

function resetFaults(print: ProofedPrint): number {
  return print.proof.filter((finding) => RESET_FAULTS.has(finding.kind)).length;
}
