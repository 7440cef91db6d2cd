// Readers of real PDFs for the tests: poppler (pdftotext, pdfinfo, pdffonts) and pdf.js.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Text read back out of a PDF by poppler's pdftotext. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Text of a PDF in reading order (pdftotext without -layout), runs of white space made one space. */
export function pdfReadingText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export function pdfInfo(file: string): Record<string, string> {
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.match(/^([^:]+):\s*(.*)$/))
      .filter((m): m is RegExpMatchArray => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

/** `pdffonts` rows: font name, embedded (yes/no). */
export function pdfFonts(file: string): Array<{ name: string; type: string; embedded: boolean }> {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const parts = line.trim().split(/\s+/);
    // name type [encoding...] emb sub uni object ID
    const emb = parts[parts.length - 5];
    return { name: parts[0] ?? '', type: parts.slice(1, -5).join(' '), embedded: emb === 'yes' };
  });
}

/** The text of one page (from 1) of a PDF, by poppler's pdftotext. */
export function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
}

/** The page count poppler reads. */
export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The outline pdf.js reads: titles, nested. */
export async function readBookmarks(file: string): Promise<{ title: string; items: { title: string }[] }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const outline = (await doc.getOutline()) ?? [];
  await doc.destroy();
  return outline as unknown as { title: string; items: { title: string }[] }[];
}

/** The page index (from 0) each top-level bookmark of a PDF points at, read by pdf.js. */
export async function bookmarkPages(file: string): Promise<Map<string, number>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const pages = new Map<string, number>();
  for (const item of (await doc.getOutline()) ?? []) {
    const dest = Array.isArray(item.dest) ? item.dest : await doc.getDestination(String(item.dest));
    const ref = dest?.[0];
    if (ref && typeof ref === 'object') pages.set(item.title, await doc.getPageIndex(ref as never));
  }
  await doc.destroy();
  return pages;
}
