// The PDF file editor's public face: it reads, edits, finishes and merges PDF files, and knows
// nothing of browsers (src/browser prints; the batch hands what it printed here).
export { finishPdf, type FinishedPdf } from './finish-pdf.js';
export type { FinishedFile, PdfObjects } from './finished-file.js';
export { countPages } from './count-pages.js';
export { readPdfFacts } from './read-pdf-facts.js';
export { PackAssembler, numberParts, printFrontMatter, type AssembledPack, type FrontMatter, type PackPart, type PrintFrontMatter } from './pack-assembler.js';
// What the proof step (src/proof, issue 18) reads a finished PDF back with.
export { PdfFile } from './pdf-file.js';
export { ContentLexer } from './content-lexer.js';
export { PdfLexer, Token, bytesAsText } from './pdf-lexer.js';
export { readValue } from './pdf-parser.js';
export { inflate } from './deflate.js';
export { readToUnicode } from './text-lexer.js';
export { readWidths } from './font-maps.js';
export { stringBytes } from './pdf-text.js';
export { readNameTree, readNumberTree } from './pdf-trees.js';
export { get, isArray, isDict, isNumber, isRef, isString, nameAt, refsOf, PdfName, PdfRef, PdfString, type PdfDict, type PdfValue } from './pdf-objects.js';
