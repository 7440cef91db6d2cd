// Readers of real PDFs for the accessibility tests, none of them the tool's own: pdf.js (structure
// tree, marked content, text, links, bookmarks, attachments), pdf-lib (the catalog and the objects
// as written) and poppler (pdfinfo, pdffonts, pdfdetach).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream } from 'pdf-lib';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfJsDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** A structure element as pdf.js reads it, with the text of the marked content it holds. */
export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  children: StructNode[];
  /** Text of this element's own marked content (not its children's). */
  text: string;
}

/** Opens a PDF with pdf.js; `use` gets the document, which is closed after. */
export async function withPdfJs<T>(file: string, use: (doc: PdfJsDocument, pdfjs: PdfJs) => Promise<T>): Promise<T> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0, useSystemFonts: false }).promise;
  try {
    return await use(doc, pdfjs);
  } finally {
    await doc.destroy();
  }
}

/** Each page's structure tree (null where the page has none), with the text of each element. */
export async function structTrees(file: string): Promise<Array<StructNode | null>> {
  return withPdfJs(file, async (doc) => {
    const trees: Array<StructNode | null> = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const text = await markedText(page);
      const tree = await page.getStructTree();
      trees.push(tree ? toNode(tree as unknown as RawNode, text) : null);
    }
    return trees;
  });
}

interface RawNode {
  role?: string;
  type?: string;
  id?: string;
  alt?: string;
  lang?: string;
  children?: RawNode[];
}

function toNode(raw: RawNode, text: Map<string, string>): StructNode {
  const children: StructNode[] = [];
  let own = '';
  for (const child of raw.children ?? []) {
    if (child.type === 'content') own += text.get(child.id ?? '') ?? '';
    else if (child.role !== undefined) children.push(toNode(child, text));
  }
  return { role: raw.role ?? '', ...(raw.alt ? { alt: raw.alt } : {}), ...(raw.lang ? { lang: raw.lang } : {}), children, text: own };
}

/** Text of a page by marked-content id (pdf.js's `p<ref>R_mc<mcid>`), and the text outside any tagged content. */
async function markedText(page: Awaited<ReturnType<PdfJsDocument['getPage']>>): Promise<Map<string, string>> {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const byId = new Map<string, string>();
  const stack: string[] = [];
  for (const item of content.items as Array<{ type?: string; id?: string; tag?: string; str?: string }>) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') stack.push(item.id ?? `#${item.tag ?? ''}`);
    else if (item.type === 'endMarkedContent') stack.pop();
    else if (typeof item.str === 'string') {
      const id = stack.findLast((entry) => !entry.startsWith('#')) ?? stack.at(-1) ?? '#untagged';
      byId.set(id, (byId.get(id) ?? '') + item.str);
    }
  }
  return byId;
}

/** Every element of a tree, depth first, in structure order. */
export function elements(node: StructNode | null): StructNode[] {
  if (!node) return [];
  return [node, ...node.children.flatMap(elements)];
}

/** All the text under an element, in structure order. */
export function textOf(node: StructNode): string {
  return node.text + node.children.map(textOf).join('');
}

/**
 * Marks on each page that are neither in tagged content (an MCID) nor in an artifact, counted by
 * pdf.js's operators: text shown, paths filled or stroked, images, shadings, forms.
 */
export async function unmarkedPaint(file: string): Promise<number[]> {
  return withPdfJs(file, async (doc, pdfjs) => {
    const { OPS } = pdfjs;
    const paint = new Set<number>([
      OPS.showText,
      OPS.showSpacedText,
      OPS.nextLineShowText,
      OPS.nextLineSetSpacingShowText,
      OPS.fill,
      OPS.eoFill,
      OPS.stroke,
      OPS.fillStroke,
      OPS.eoFillStroke,
      OPS.closeStroke,
      OPS.closeFillStroke,
      OPS.closeEOFillStroke,
      OPS.paintImageXObject,
      OPS.paintInlineImageXObject,
      OPS.paintImageMaskXObject,
      OPS.shadingFill,
      OPS.paintFormXObjectBegin,
    ]);
    const counts: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const list = await (await doc.getPage(p)).getOperatorList();
      const stack: boolean[] = [];
      let bare = 0;
      list.fnArray.forEach((fn, i) => {
        const args = list.argsArray[i] as unknown[] | null;
        if (fn === OPS.beginMarkedContent) stack.push(nameOf(args?.[0]) === 'Artifact');
        else if (fn === OPS.beginMarkedContentProps) stack.push(nameOf(args?.[0]) === 'Artifact' || typeof args?.[1] === 'number');
        else if (fn === OPS.endMarkedContent) stack.pop();
        else if (paint.has(fn) && !stack.some(Boolean)) bare++;
      });
      counts.push(bare);
    }
    return counts;
  });
}

/** Marked content nested against PDF/UA-1 7.1: an artifact inside tagged content, or tagged content inside an artifact (veraPDF 7.1-1, 7.1-2). */
export async function markedContentNesting(file: string): Promise<string[]> {
  return withPdfJs(file, async (doc, pdfjs) => {
    const { OPS } = pdfjs;
    const problems: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const list = await (await doc.getPage(p)).getOperatorList();
      const stack: Array<'artifact' | 'tagged' | 'other'> = [];
      list.fnArray.forEach((fn, i) => {
        const args = list.argsArray[i] as unknown[] | null;
        if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
          const kind = nameOf(args?.[0]) === 'Artifact' ? 'artifact' : fn === OPS.beginMarkedContentProps && typeof args?.[1] === 'number' ? 'tagged' : 'other';
          if (kind === 'artifact' && stack.includes('tagged')) problems.push(`page ${p}: an artifact inside tagged content`);
          if (kind === 'tagged' && stack.includes('artifact')) problems.push(`page ${p}: tagged content inside an artifact`);
          stack.push(kind);
        } else if (fn === OPS.endMarkedContent) stack.pop();
      });
    }
    return problems;
  });
}

function nameOf(value: unknown): string {
  return typeof value === 'string' ? value : ((value as { name?: string } | undefined)?.name ?? '');
}

/** Each link annotation: its page (from 1), the page its destination is on, its URL, and /Contents. */
export async function linkTargets(file: string): Promise<Array<{ page: number; target?: number; url?: string; contents: string }>> {
  return withPdfJs(file, async (doc) => {
    const links: Array<{ page: number; target?: number; url?: string; contents: string }> = [];
    for (let p = 1; p <= doc.numPages; p++) {
      for (const a of (await (await doc.getPage(p)).getAnnotations()) as Array<Record<string, unknown>>) {
        if (a.subtype !== 'Link') continue;
        const contents = (a.contentsObj as { str?: string } | undefined)?.str ?? '';
        if (typeof a.url === 'string') {
          links.push({ page: p, url: a.url, contents });
          continue;
        }
        const dest = typeof a.dest === 'string' ? await doc.getDestination(a.dest) : (a.dest as unknown[] | undefined);
        const target = dest ? (await doc.getPageIndex(dest[0] as never)) + 1 : undefined;
        links.push({ page: p, ...(target === undefined ? {} : { target }), contents });
      }
    }
    return links;
  });
}

/** The outline: titles and the page (from 1) each item points at, nested. */
export interface Bookmark {
  title: string;
  page: number;
  items: Bookmark[];
}

export async function bookmarks(file: string): Promise<Bookmark[]> {
  return withPdfJs(file, async (doc) => {
    const read = async (items: Array<{ title: string; dest: unknown; items: unknown[] }> | null): Promise<Bookmark[]> =>
      Promise.all(
        (items ?? []).map(async (item) => {
          const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : (item.dest as unknown[]);
          return { title: item.title, page: (await doc.getPageIndex(dest![0] as never)) + 1, items: await read(item.items as never) };
        }),
      );
    return read((await doc.getOutline()) as never);
  });
}

/** The attachments pdfdetach lists, by name. */
export function detachList(file: string): string[] {
  return execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(1)
    .map((line) => /^\s*\d+:\s*(.*)$/.exec(line)?.[1] ?? '')
    .filter(Boolean);
}

/** One attachment's bytes, saved by pdfdetach (`index` from 1). */
export function detach(file: string, index: number, out: string): void {
  execFileSync('pdfdetach', ['-save', String(index), '-o', out, file]);
}

/** What poppler says on stderr while reading the file with pdfinfo, pdftotext and pdffonts: nothing for a well-formed one. */
export function popplerComplaints(file: string): string {
  const run = spawnSync('sh', ['-c', 'pdfinfo "$1" >/dev/null; pdftotext "$1" /dev/null; pdffonts "$1" >/dev/null', 'sh', file], { encoding: 'utf8' });
  return `${run.stderr}`.trim();
}

/** The catalog, pages and objects as pdf-lib reads them. */
export async function loadWithPdfLib(file: string): Promise<PDFDocument> {
  return PDFDocument.load(await readFile(file), { updateMetadata: false });
}

/** A text string of a dictionary, decoded. */
export function textEntry(dict: PDFDict | undefined, key: string): string | undefined {
  const value = dict?.lookup(PDFName.of(key));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** The XMP packet of the catalog's /Metadata, as text. */
export function xmpOf(pdf: PDFDocument): string | undefined {
  const stream = pdf.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFStream)) return undefined;
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The cross-reference table checked entry by entry: every object is at the offset it gives. pdf.js
 * and poppler repair a broken table without a word; this does not.
 */
export function xrefErrors(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) return ['no startxref'];
  const table = text.slice(Number(start[1]));
  const head = /^xref\r?\n(\d+) (\d+)\r?\n/.exec(table);
  if (!head) return ['no cross-reference table at startxref'];
  const errors: string[] = [];
  for (let i = 0; i < Number(head[2]); i++) {
    const entry = table.slice(head[0].length + i * 20, head[0].length + (i + 1) * 20);
    const num = Number(head[1]) + i;
    if (entry[17] === 'n' && !text.startsWith(`${num} 0 obj`, Number(entry.slice(0, 10)))) errors.push(`object ${num} is not at ${entry.slice(0, 10)}`);
  }
  return errors;
}

export { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString };
