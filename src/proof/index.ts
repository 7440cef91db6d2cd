// The proof step's public face (issue 18): a finished PDF read back and its make-up faults found.
export { proofFile, proofPdf, type ProofOptions } from './proof-pdf.js';
export { RESET_FAULTS, describeFinding, FINDING_KINDS, type FindingKind, type ProofFinding } from './findings.js';
