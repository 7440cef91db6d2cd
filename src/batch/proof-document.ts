// The proof step of a build (issue 18): each PDF printed by the run is read back from the objects
// finishing wrote (issue 21) and its make-up faults found, with the margins its layout sets.
import { FORMAT_TABLE, LAYOUTS } from '../contracts/layouts.js';
import { ProofError } from '../errors.js';
import type { PdfObjects } from '../pdf/index.js';
import { describeFinding, proofFile, type ProofFinding } from '../proof/index.js';
import type { PlannedSpec } from './plan-audiences.js';

/** The faults of a printed document's pages. */
export function proofDocument(file: PdfObjects, spec: PlannedSpec): ProofFinding[] {
  const layout = LAYOUTS[FORMAT_TABLE[spec.format].layout];
  return proofFile(file, { path: spec.outputPath, margins: layout.margins, onePage: layout.fit?.maxPages === 1 });
}

/** The error a strict build fails a document with: its first finding, and how many more there are. */
export function proofFailure(findings: ProofFinding[]): ProofError {
  const more = findings.length > 1 ? `; and ${findings.length - 1} more finding${findings.length === 2 ? '' : 's'}` : '';
  return new ProofError(`${describeFinding(findings[0]!)}${more} (--strict)`);
}
