// Printing a document until its pages break well (issue 18): where the proof finds a fault at a
// page break (a last page used less than a quarter, a line, row or item carried alone, a heading
// stranded at a page foot), the document is printed again set a little closer, as a compositor
// re-sets a page: the layout names the steps (LAYOUTS[...].closer), spacing and notes only, the body
// type keeps its size. The first print the proof finds no such fault in is kept, else the one with
// the fewest faults. The steps are the same on every machine, so the bytes are too.
import type { RenderedDocument } from '../contracts/document.js';
import { FORMAT_TABLE, LAYOUTS } from '../contracts/layouts.js';
import { BREAK_FAULTS, type ProofFinding } from '../proof/index.js';
import type { PlannedSpec } from './plan-audiences.js';
import type { FinishedPrint } from './print-finished.js';
import { proofDocument } from './proof-document.js';

/** A print and what the proof found in it. */
export interface ProofedPrint {
  printed: FinishedPrint;
  proof: ProofFinding[];
}

export async function printSettled(print: (doc: RenderedDocument) => Promise<FinishedPrint>, doc: RenderedDocument, spec: PlannedSpec): Promise<ProofedPrint> {
  const proofed = async (d: RenderedDocument): Promise<ProofedPrint> => {
    const printed = await print(d);
    return { printed, proof: proofDocument(printed.bytes, spec) };
  };
  let best = await proofed(doc);
  for (const step of LAYOUTS[FORMAT_TABLE[spec.format].layout].closer) {
    if (breakFaults(best) === 0) break;
    const closer = await proofed({ ...doc, bodyClass: `${doc.bodyClass} ${step}` });
    if (breakFaults(closer) < breakFaults(best) && closer.proof.length <= best.proof.length) best = closer;
  }
  return best;
}

function breakFaults(print: ProofedPrint): number {
  return print.proof.filter((finding) => BREAK_FAULTS.has(finding.kind)).length;
}
