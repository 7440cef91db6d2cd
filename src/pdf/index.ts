// The PDF file editor's public face: it reads, edits, finishes and merges PDF files, and knows
// nothing of browsers (src/browser prints; the batch hands what it printed here).
export { finishPdf, type FinishedPdf } from './finish-pdf.js';
export { countPages } from './count-pages.js';
export { PackAssembler, numberParts, printFrontMatter, type AssembledPack, type FrontMatter, type PackPart, type PrintFrontMatter } from './pack-assembler.js';
