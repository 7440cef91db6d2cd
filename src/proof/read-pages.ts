// A finished PDF read back for the proof (issue 18): each page's size, the scale its content is
// drawn at, and its text runs with the block of the structure tree each belongs to. It is read
// from the objects finishing wrote (issue 21), or from a file's bytes.
import { inflate, isArray, nameAt, PdfRef, refsOf, type PdfDict, type PdfObjects } from '../pdf/index.js';
import { readPageFonts, type ProofFont } from './page-fonts.js';
import { readStructure, type TextBlock } from './page-structure.js';
import { readPageText, type CutMark, type TextRun } from './page-text.js';

/** A run and the block it is part of (none for an artifact). */
export interface PlacedRun extends TextRun {
  block?: TextBlock;
}

/** A page as the proof sees it, in points. */
export interface ProofPage {
  width: number;
  height: number;
  /** Points per CSS pixel its content is drawn at (0.75 unless Chromium shrank it). */
  scale: number | undefined;
  runs: PlacedRun[];
  /** Tagged marks other than text (bullets) that a clip cuts, with the block each is part of. */
  cutMarks: Array<CutMark & { block?: TextBlock }>;
}

/** The pages of a PDF. */
export function readProofPages(file: PdfObjects): ProofPage[] {
  const structure = readStructure(file);
  const fonts = new Map<number, ProofFont>();
  return file.pages().pages.map((num) => {
    const page = file.dict(new PdfRef(num)) ?? new Map();
    const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = mediaBox(file, page);
    const height = y1 - y0;
    const content = pageContent(file, page);
    const text = readPageText(content, readPageFonts(file, page, fonts), y1);
    const blocks = structure(page);
    const runs: PlacedRun[] = text.runs;
    for (const run of runs) {
      const block = run.mcid === undefined ? undefined : blocks.get(run.mcid);
      if (block) run.block = block;
      run.x0 -= x0;
      run.x1 -= x0;
    }
    const cutMarks = text.cutMarks.map((mark) => ({ ...mark, x0: mark.x0 - x0, x1: mark.x1 - x0, ...(blocks.has(mark.mcid) ? { block: blocks.get(mark.mcid)! } : {}) }));
    return { width: x1 - x0, height, scale: text.scale, runs, cutMarks };
  });
}

function mediaBox(file: PdfObjects, page: PdfDict): number[] {
  const box = file.resolve(page.get('MediaBox'));
  return box !== undefined && isArray(box) && box.every((n) => typeof n === 'number') ? (box as number[]) : [];
}

/** The page's content streams decoded and joined. */
function pageContent(file: PdfObjects, page: PdfDict): Uint8Array {
  const parts = refsOf(page.get('Contents')).map((ref) => {
    const object = file.get(ref.num);
    if (!object?.data || !(object.value instanceof Map)) return new Uint8Array();
    return nameAt(object.value, 'Filter') === 'FlateDecode' ? inflate(object.data) : object.data;
  });
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((part) => [part, Buffer.from('\n')]));
}
