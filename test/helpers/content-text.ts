// The text of a PDF's tagged content exactly as its content streams hold it: each glyph code
// mapped through its font's ToUnicode CMap, with no space inferred from where a glyph stands (as
// pdf.js, pdftotext and mutool do). This is what a reader gets from the text stream alone, and
// what ISO 32000-1 14.8.2.5 asks to hold its word breaks explicitly. Read with pdf-lib and this
// file's own small tokenizer: none of the tool's PDF code.
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';

/** A line of tagged text as drawn: its page (from 1), its MCID, where it stands, its text. */
export interface ContentLine {
  page: number;
  mcid: number;
  y: number;
  text: string;
}

/** Every text object of tagged content, page by page, in the order drawn. */
export function contentLines(pdf: PDFDocument): ContentLine[] {
  return pdf.getPages().flatMap((page, i) => pageLines(pdf, page, i + 1));
}

/** The text of each MCID of each page (`page:mcid`), its lines joined as the stream holds them. */
export function taggedText(pdf: PDFDocument): Map<string, string> {
  const texts = new Map<string, string>();
  for (const line of contentLines(pdf)) texts.set(`${line.page}:${line.mcid}`, (texts.get(`${line.page}:${line.mcid}`) ?? '') + line.text);
  return texts;
}

/** Scripts a line may wrap inside a word with no space (Hangul between syllables): a wrap there says nothing of a space. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Soft line wraps inside one tagged sequence where a letter or figure meets another with no space between. */
export function gluedWraps(pdf: PDFDocument): string[] {
  const lines = contentLines(pdf);
  const glued: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [before, after] = [lines[i - 1]!, lines[i]!];
    if (before.page !== after.page || before.mcid !== after.mcid || after.y <= before.y + 1) continue;
    const [last, first] = [before.text.at(-1) ?? ' ', after.text[0] ?? ' '];
    if (/[\p{L}\p{N},;.)]/u.test(last) && /[\p{L}\p{N}(]/u.test(first) && !CJK.test(last) && !CJK.test(first) && !before.text.split(' ').at(-1)!.includes('/')) {
      glued.push(`page ${before.page}: "${before.text.split(' ').at(-1)}${after.text.split(' ')[0]}"`);
    }
  }
  return glued;
}

function bytesOf(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
}

/** A page's fonts by resource name: bytes per code and the text of each code. */
function fontsOf(pdf: PDFDocument, page: PDFPage): Map<string, { wide: boolean; unicode: Map<number, string> }> {
  const fonts = new Map<string, { wide: boolean; unicode: Map<number, string> }>();
  const dict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [name, ref] of dict?.entries() ?? []) {
    const font = pdf.context.lookup(ref);
    if (!(font instanceof PDFDict)) continue;
    const cmap = font.lookup(PDFName.of('ToUnicode'));
    const unicode = cmap instanceof PDFStream ? readCmap(Buffer.from(bytesOf(cmap)).toString('latin1')) : new Map<number, string>();
    fonts.set(name.decodeText(), { wide: font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Type0', unicode });
  }
  return fonts;
}

const utf16 = (hex: string) => Buffer.from(hex.length % 4 === 0 ? hex : hex.padEnd(hex.length + (4 - (hex.length % 4)), '0'), 'hex').swap16().toString('utf16le');

function readCmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, to] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(code!, 16), utf16(to!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, to, list] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]*)>|\[([^\]]*)\])/g)) {
      const [from, last] = [parseInt(low!, 16), parseInt(high!, 16)];
      if (list !== undefined) [...list.matchAll(/<([0-9a-fA-F]*)>/g)].forEach((m, i) => map.set(from + i, utf16(m[1]!)));
      else for (let c = from; c <= last; c++) map.set(c, utf16((parseInt(to!.slice(-4), 16) + c - from).toString(16).padStart(4, '0')));
    }
  }
  return map;
}

/** Tokens of a content stream: strings (as their bytes in hex), names, numbers, brackets and operators. */
const TOKEN = /\s*(?:(%[^\r\n]*)|<<|>>|<([0-9a-fA-F\s]*)>|(\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*\))|(\/[^\s/<>[\]()%{}]*)|([-+]?\d*\.?\d+)|(\[|\])|([^\s/<>[\]()%{}]+))/gy;

function literalHex(literal: string): string {
  const body = literal.slice(1, -1).replace(/\\([0-7]{1,3}|[\s\S])/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? (e === '\n' ? '' : e)));
  return Buffer.from(body, 'latin1').toString('hex');
}

function pageLines(pdf: PDFDocument, page: PDFPage, number: number): ContentLine[] {
  const fonts = fontsOf(pdf, page);
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const text = refs.map((ref) => pdf.context.lookup(ref as PDFRef)).filter((s): s is PDFStream => s instanceof PDFStream).map((s) => Buffer.from(bytesOf(s)).toString('latin1')).join('\n');
  const lines: ContentLine[] = [];
  const marks: number[] = [];
  let operands: string[] = [];
  let font = fonts.values().next().value;
  let line: ContentLine | undefined;
  let pendingMcid = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m && m[0].length > 0; m = TOKEN.exec(text)) {
    const [token, comment, hex, literal, name, num, bracket, word] = m;
    if (comment !== undefined || bracket !== undefined) continue;
    if (token.trim() === '<<' || token.trim() === '>>') continue;
    if (hex !== undefined) operands.push(`<${hex.replace(/\s/g, '')}>`);
    else if (literal !== undefined) operands.push(`<${literalHex(literal)}>`);
    else if (name !== undefined) {
      if (operands.at(-1) === '/MCID') operands.pop();
      operands.push(name);
    } else if (num !== undefined) {
      if (operands.at(-1) === '/MCID') pendingMcid = Number(num);
      operands.push(num);
    } else if (word !== undefined) {
      if (word === 'BDC' || word === 'BMC') marks.push(word === 'BDC' && pendingMcid >= 0 ? pendingMcid : -1);
      else if (word === 'EMC') marks.pop();
      else if (word === 'Tf') font = fonts.get(operands.find((o) => o.startsWith('/'))!.slice(1)) ?? font;
      else if (word === 'BT') line = { page: number, mcid: marks.findLast((x) => x >= 0) ?? -1, y: 0, text: '' };
      else if (word === 'Tm' && line) line.y = Number(operands.at(-1));
      else if ((word === 'Tj' || word === 'TJ') && line && font) {
        for (const hexString of operands.filter((o) => o.startsWith('<'))) {
          const codes = hexString.slice(1, -1);
          const step = font.wide ? 4 : 2;
          for (let i = 0; i + step <= codes.length; i += step) line.text += font.unicode.get(parseInt(codes.slice(i, i + step), 16)) ?? '';
        }
      } else if (word === 'ET' && line) {
        if (line.mcid >= 0 && line.text !== '') lines.push(line);
        line = undefined;
      }
      operands = [];
      pendingMcid = word === 'BDC' ? -1 : pendingMcid;
    }
  }
  return lines;
}
