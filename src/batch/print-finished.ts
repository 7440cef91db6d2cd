// A document printed and finished: Chromium's PDF (src/browser) made the PDF/UA-1 file that is
// written (src/pdf). Finishing runs once the page is back in the pool, so it overlaps the next print.
import type { RenderedDocument } from '../contracts/document.js';
import type { Printer } from '../browser/index.js';
import type { FinishedFile } from '../pdf/index.js';

/** The finished file, its pages, and what the page tried to load and was refused. */
export interface FinishedPrint {
  bytes: Uint8Array;
  pages: number;
  blockedRequests: string[];
  /** Its objects as finishing wrote them: what the proof reads, without parsing the bytes again (issue 21). */
  file: FinishedFile;
}

export async function printFinished(printer: Printer, doc: RenderedDocument): Promise<FinishedPrint> {
  const printed = await printer.print(doc);
  // Loaded with the first print: a run with nothing to print never loads the file editor.
  const { finishPdf } = await import('../pdf/index.js');
  const finished = await finishPdf(printed.bytes, doc);
  return { bytes: finished.bytes, pages: finished.pages, blockedRequests: printed.blockedRequests, file: finished.file };
}
