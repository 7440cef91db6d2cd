// The proof (issue 18): a finished PDF read back and looked over as a publisher's proofreader
// would, page by page: text clipped or off the page, a page shrunk, a heading left at a page's
// foot, one line, row or item carried alone over a page break, a last page printed for almost
// nothing, a one-pager left a third empty, a title broken inside a word.
import type { Margins } from '../contracts/layouts.js';
import { PdfFile, type PdfObjects } from '../pdf/index.js';
import type { FindingKind, ProofFinding } from './findings.js';
import { excerpt, isHeading, pageBlocks, type PageBlock } from './page-blocks.js';
import { readProofPages, type ProofPage } from './read-pages.js';

/** What the proof needs to know of a document besides its bytes. */
export interface ProofOptions {
  /** The output path that names it in findings. */
  path: string;
  /** Its layout's page margins, in millimetres. */
  margins: Margins;
  /** Its layout fills one page (a one-pager): checked for emptiness instead of its last page. */
  onePage: boolean;
}

/** Chromium draws a CSS pixel as 0.75 pt; a page drawn smaller was shrunk to fit its width. */
const PAGE_SCALE = 0.75;
const MM = 72 / 25.4;
/** Slack for rounding and for justified lines, whose glyphs' advances end up to a point past the margin, in points. */
const SLACK = 3;

/** The faults of a finished PDF read from its bytes, page by page; none where it cannot be read. */
export function proofPdf(bytes: Uint8Array, options: ProofOptions): ProofFinding[] {
  const file = PdfFile.read(bytes);
  return file ? proofFile(file, options) : [];
}

/** The faults of a finished PDF, page by page, read from its objects (finishing's FinishedFile: its bytes are not parsed again). */
export function proofFile(file: PdfObjects, options: ProofOptions): ProofFinding[] {
  const pages = readProofPages(file);
  const findings: ProofFinding[] = [];
  const add = (page: number, kind: FindingKind, detail: string) => findings.push({ path: options.path, page, kind, detail });
  const blocks = pages.map(pageBlocks);
  pages.forEach((page, i) => checkPage(page, i + 1, options, add));
  for (let i = 0; i + 1 < pages.length; i++) checkBreak(blocks[i]!, blocks[i + 1]!, i + 1, add);
  blocks.forEach((page, i) => checkTitle(page, i + 1, add));
  checkFill(pages, options, add);
  return findings;
}

type Add = (page: number, kind: FindingKind, detail: string) => void;

/** Text off the page, out of its margins or cut by a clip; a page drawn smaller than 1 px = 0.75 pt. */
function checkPage(page: ProofPage, number: number, { margins }: ProofOptions, add: Add): void {
  if (page.scale !== undefined && page.scale < PAGE_SCALE * 0.98) add(number, 'scaled-down', `drawn at ${Math.round((page.scale / PAGE_SCALE) * 100)} %`);
  const left = margins.left * MM - SLACK;
  const right = page.width - margins.right * MM + SLACK;
  const cut = page.runs.find((run) => run.block && (run.clipped || run.x0 < left || run.x1 > right || run.top < 0 || run.bottom > page.height));
  if (cut) add(number, 'clipped-text', `"${cut.text.trim().slice(0, 40)}" at x ${Math.round(cut.x0)}-${Math.round(cut.x1)} pt of ${Math.round(page.width)}`);
  // A list's bullet drawn as a path (Chromium tags it Lbl); rules and borders run a pixel past the
  // page's clip by rounding and are not counted.
  const bullet = page.cutMarks.find((mark) => mark.block?.type === 'Lbl');
  if (bullet) add(number, 'clipped-text', `a list bullet cut at x ${Math.round(bullet.x0)}-${Math.round(bullet.x1)} pt`);
}

/** What a page break did: a heading left at the foot, one line, row or item carried over alone. */
function checkBreak(page: PageBlock[], next: PageBlock[], number: number, add: Add): void {
  const last = page.at(-1);
  const first = next[0];
  if (!last || !first) return;
  const beforeLast = page.at(-2);
  if (isHeading(last.block) && last.block.id !== first.block.id) add(number, 'stranded-heading', excerpt(last));
  else if (beforeLast && isHeading(beforeLast.block) && last.lines.length === 1 && !isHeading(first.block)) add(number, 'stranded-heading', `${excerpt(beforeLast)} and one line`);
  if (first.block.id === last.block.id && first.lines.length === 1 && next.length > 1) add(number + 1, 'lone-line', excerpt(first));
  const item = first.block.item;
  if (!item) return;
  const itemsOf = (blocks: PageBlock[]) => new Set(blocks.flatMap(({ block }) => (block.item?.group === item.group ? [block.item.id] : [])));
  const here = itemsOf(next);
  const before = itemsOf(page);
  if (here.size === 1 && before.size >= 1 && !before.has(item.id)) add(number + 1, item.type === 'TR' ? 'lone-row' : 'lone-item', excerpt(first));
}

/** A heading line ending in a hyphen after a short word ("A-" / "levels"). */
function checkTitle(page: PageBlock[], number: number, add: Add): void {
  for (const { block, lines } of page) {
    if (block.type !== 'H1') continue;
    lines.slice(0, -1).forEach((line, i) => {
      const word = line.trim().split(/\s+/).at(-1) ?? '';
      if (/^\p{L}{1,3}[-‐]$/u.test(word)) add(number, 'broken-title', `"${line.trim()}" / "${lines[i + 1]!.trim()}"`);
    });
  }
}

/** How much of the content box the text fills: a brief's last page, a one-pager's only page. */
function checkFill(pages: ProofPage[], { margins, onePage }: ProofOptions, add: Add): void {
  const last = pages.at(-1);
  if (!last || (!onePage && pages.length < 2)) return;
  const top = margins.top * MM;
  const height = last.height - (margins.top + margins.bottom) * MM;
  const bottom = Math.max(top, ...last.runs.filter((run) => run.block).map((run) => run.bottom));
  const used = (bottom - top) / height;
  if (onePage && used < 2 / 3) add(pages.length, 'empty-one-pager', `${Math.round(used * 100)} % of the page used`);
  if (!onePage && used < 1 / 4) add(pages.length, 'short-last-page', `${Math.round(used * 100)} % of the page used`);
}
