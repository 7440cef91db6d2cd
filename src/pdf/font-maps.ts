// What a CIDFont says of its glyphs besides their outlines (issue 19): the widths of its /W array
// (ISO 32000-1, 9.7.4.3) and the text of its ToUnicode CMap (9.10.3), read into maps by glyph id
// and written back from merged maps. The CMap is read through the lexer, as tokens.
import { bytesAsText, PdfLexer, Token } from './pdf-lexer.js';
import { isArray, isNumber, type PdfValue } from './pdf-objects.js';

/**
 * Each CID's width as the /W array gives it: `c [w1 w2 ...]` and `cfirst clast w`. `resolve` reads
 * an inner array given by reference; a range is held to the 65,536 CIDs a font can have.
 */
export function readWidths(w: PdfValue | undefined, resolve: (value: PdfValue | undefined) => PdfValue | undefined = (value) => value): Map<number, number> {
  const widths = new Map<number, number>();
  if (!w || !isArray(w)) return widths;
  for (let i = 0; i < w.length; ) {
    const first = w[i];
    const next = resolve(w[i + 1]);
    if (!isNumber(first!)) break;
    if (next !== undefined && isArray(next)) {
      next.forEach((width, k) => isNumber(width) && widths.set(first + k, width));
      i += 2;
    } else {
      const last = next;
      const width = w[i + 2];
      if (!isNumber(last!) || width === undefined || !isNumber(width)) break;
      for (let cid = first; cid <= last && cid - first < 65536; cid++) widths.set(cid, width);
      i += 3;
    }
  }
  return widths;
}

/** A /W array of runs `c [w1 w2 ...]`, CIDs ascending. */
export function writeWidths(widths: Map<number, number>): PdfValue[] {
  const out: PdfValue[] = [];
  let run: number[] = [];
  let previous = -2;
  for (const cid of [...widths.keys()].sort((a, b) => a - b)) {
    if (cid !== previous + 1) {
      if (run.length > 0) out.push(run);
      out.push(cid);
      run = [];
    }
    run.push(widths.get(cid)!);
    previous = cid;
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** A hex string token's digits, upper case, without its brackets. */
function hexOf(lexer: PdfLexer): string {
  return lexer.token().slice(1, -1).toUpperCase();
}

/** Each CID's text (UTF-16BE, as hex digits) from a ToUnicode CMap's bfchar and bfrange sections; undefined where it holds anything else. */
export function readToUnicode(data: Uint8Array): Map<number, string> | undefined {
  const lexer = new PdfLexer(bytesAsText(data));
  const map = new Map<number, string>();
  let section: 'char' | 'range' | undefined;
  const hex: string[] = [];
  for (let kind = lexer.next(); kind !== Token.End; kind = lexer.next()) {
    if (kind === Token.Keyword) {
      if (lexer.is('beginbfchar')) section = 'char';
      else if (lexer.is('beginbfrange')) section = 'range';
      else if (lexer.is('endbfchar') || lexer.is('endbfrange')) section = undefined;
      continue;
    }
    if (!section) continue;
    if (kind === Token.ArrayStart || kind === Token.ArrayEnd) return undefined;
    if (kind !== Token.HexString) return undefined;
    hex.push(hexOf(lexer));
    if (section === 'char' && hex.length === 2) map.set(parseInt(hex[0]!, 16), hex[1]!);
    if (section === 'range' && hex.length === 3) {
      const [lo, hi, dst] = hex as [string, string, string];
      const head = dst.slice(0, -4);
      const last = parseInt(dst.slice(-4), 16);
      for (let cid = parseInt(lo, 16), k = 0; cid <= parseInt(hi, 16); cid++, k++) map.set(cid, head + (last + k).toString(16).toUpperCase().padStart(4, '0'));
    }
    if ((section === 'char' && hex.length === 2) || (section === 'range' && hex.length === 3)) hex.length = 0;
  }
  return map;
}

/** A ToUnicode CMap of bfchar entries, CIDs ascending, at most 100 to a section (9.10.3). */
export function writeToUnicode(map: Map<number, string>): Uint8Array {
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  const cids = [...map.keys()].sort((a, b) => a - b);
  for (let i = 0; i < cids.length; i += 100) {
    const block = cids.slice(i, i + 100);
    lines.push(`${block.length} beginbfchar`);
    for (const cid of block) lines.push(`<${cid.toString(16).toUpperCase().padStart(4, '0')}> <${map.get(cid)!}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end', '');
  return Buffer.from(lines.join('\n'), 'latin1');
}
