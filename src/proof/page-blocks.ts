// A page's tagged text gathered into blocks in the order the page draws them (reading order, as
// Chromium paints the DOM), each with its lines: what the proof's page-break checks compare.
import type { TextBlock } from './page-structure.js';
import type { PlacedRun, ProofPage } from './read-pages.js';

/** A block's part on one page. */
export interface PageBlock {
  block: TextBlock;
  /** Its lines on this page, top to bottom, each its text in the order drawn. */
  lines: string[];
}

/** The page's blocks in the order first drawn; text without a block (artifacts) left out. */
export function pageBlocks(page: ProofPage): PageBlock[] {
  const byId = new Map<number, { block: TextBlock; runs: PlacedRun[] }>();
  for (const run of page.runs) {
    if (!run.block) continue;
    const entry = byId.get(run.block.id) ?? { block: run.block, runs: [] };
    entry.runs.push(run);
    byId.set(run.block.id, entry);
  }
  return [...byId.values()].map(({ block, runs }) => ({ block, lines: linesOf(runs) }));
}

/** Runs on one baseline (within half their size) make a line; lines top to bottom. */
function linesOf(runs: PlacedRun[]): string[] {
  const lines: Array<{ bottom: number; size: number; text: string }> = [];
  for (const run of runs) {
    const line = lines.find((l) => Math.abs(l.bottom - run.bottom) < Math.max(l.size, run.size) / 2);
    if (line) line.text += run.text;
    else lines.push({ bottom: run.bottom, size: run.size, text: run.text });
  }
  return lines.sort((a, b) => a.bottom - b.bottom).map((line) => line.text);
}

/** Whether a block is a heading (H, H1-H6). */
export const isHeading = (block: TextBlock): boolean => /^H[1-6]?$/.test(block.type);

/** The block's text on the page, shortened for a message. */
export function excerpt(block: PageBlock): string {
  const text = block.lines.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `"${text.slice(0, 39)}…"` : `"${text}"`;
}
