// One font program per font in the pack (issue 19): Chromium subsets each font per document, and
// names the first of every print's subsets AAAAAA+...; the pack would hold 400 programs and the
// same tag for different ones (ISO 32000-1, 9.6.4). Skia keeps the full font's glyph ids (the
// CIDToGIDMap is /Identity, a glyph left out is empty), so the subsets of one font merge into one
// program holding the union of their glyphs, each at its own id, with merged widths and ToUnicode
// maps: the pages' content streams stay as they are. Subsets that disagree on a glyph (another
// slice of the same family) go to another merged font; each merged font takes a tag of its own.
import { createHash } from 'node:crypto';
import { deflate, inflate } from './deflate.js';
import { readToUnicode, readWidths, writeToUnicode, writeWidths } from './font-maps.js';
import type { PdfFile } from './pdf-file.js';
import { get, isArray, isDict, isNumber, isRef, nameAt, PdfName, PdfRef, type PdfDict, type PdfValue } from './pdf-objects.js';
import type { PdfWriter } from './pdf-writer.js';
import type { StampFont } from './pack-stamps.js';
import { mergeMaxp, mergeProgram, readGlyphs, readSfnt, sameGlyph, type Glyph, type SfntTables } from './sfnt.js';

/** A subset as read from one document. */
interface Subset {
  name: string;
  tables: SfntTables;
  glyphs: Array<Glyph | undefined>;
  /** The glyph ids it holds, ascending. */
  held: number[];
  widths: Map<number, number>;
  unicode: Map<number, string>;
  descriptor: PdfDict;
  cidFont: PdfDict;
}

/** The pack's font that subsets are merged into, and the numbers of its objects. */
interface MergedFont {
  name: string;
  nums: { type0: number; cidFont: number; descriptor: number; program: number; toUnicode: number };
  first: Subset;
  glyphs: Array<Glyph | undefined>;
  maxps: Uint8Array[];
  widths: Map<number, number>;
  unicode: Map<number, string>;
  bbox: number[];
}

/** What shared tables say which font a subset is of: hinting, names and the em. */
const IDENTITY_TABLES = ['name', 'post', 'prep', 'cvt ', 'fpgm', 'gasp'];

export class PackFonts {
  readonly #writer: PdfWriter;
  readonly #byFont = new Map<string, MergedFont[]>();
  readonly #all: MergedFont[] = [];
  /** Each merged font's Type0 dictionary, once written. */
  readonly #written = new Map<MergedFont, PdfDict>();

  constructor(writer: PdfWriter) {
    this.#writer = writer;
  }

  /**
   * The number of the pack's font that a document's Type0 font (object `num`) is merged into, and
   * the document's objects it replaces; undefined for a font of another shape, copied as it is.
   */
  adopt(file: PdfFile, num: number): { font: number; replaced: number[] } | undefined {
    const read = readSubset(file, num);
    if (!read) return undefined;
    const { subset, replaced } = read;
    const key = `${subset.name} ${fingerprint(subset.tables)}`;
    const candidates = this.#byFont.get(key) ?? [];
    this.#byFont.set(key, candidates);
    let merged = closest(candidates, subset);
    if (!merged) {
      merged = this.#create(subset);
      candidates.push(merged);
    }
    absorb(merged, subset);
    return { font: merged.nums.type0, replaced };
  }

  #create(first: Subset): MergedFont {
    const w = this.#writer;
    const nums = { type0: w.allocate(), cidFont: w.allocate(), descriptor: w.allocate(), program: w.allocate(), toUnicode: w.allocate() };
    const bbox = (get(first.descriptor, 'FontBBox', isArray) ?? [0, 0, 0, 0]).map((v) => (isNumber(v) ? v : 0));
    const font: MergedFont = { name: first.name, nums, first, glyphs: [], maxps: [], widths: new Map(), unicode: new Map(), bbox };
    this.#all.push(font);
    return font;
  }

  /** Writes every merged font: its program, widths and ToUnicode map, under a tag of its own. */
  write(): void {
    const tags = new Set<string>();
    for (const font of this.#all) {
      const program = mergeProgram(font.first.tables, font.glyphs, mergeMaxp(font.maxps, font.glyphs.length));
      let tag = tagOf(program, 0);
      for (let n = 1; tags.has(tag); n++) tag = tagOf(program, n);
      tags.add(tag);
      this.#written.set(font, writeFont(this.#writer, font, `${tag}+${font.name}`, program));
    }
  }

  /** The first font written, if any. */
  anyFont(): PdfDict | undefined {
    return this.#written.values().next().value;
  }

  /**
   * The written font that can draw every text given (the one with the most characters), and its
   * Type0 dictionary; undefined where none can.
   */
  fontFor(texts: string[]): { type0: PdfDict; font: StampFont } | undefined {
    let best: { type0: PdfDict; font: StampFont; size: number } | undefined;
    for (const [merged, type0] of this.#written) {
      const font = stampFont(merged);
      if (texts.every((text) => font.encode(text)) && merged.unicode.size > (best?.size ?? -1)) best = { type0, font, size: merged.unicode.size };
    }
    return best && { type0: best.type0, font: best.font };
  }
}

/** Text drawn in a merged font: each character's glyph by its ToUnicode map, widths by its /W. */
function stampFont(merged: MergedFont): StampFont {
  const glyphOf = new Map<string, number>();
  for (const [cid, text] of [...merged.unicode].sort((a, b) => a[0] - b[0])) if (!glyphOf.has(text)) glyphOf.set(text, cid);
  return {
    type0: merged.nums.type0,
    encode(text) {
      let hex = '';
      let width = 0;
      for (const char of text) {
        const unit = [...Buffer.from(char, 'utf16le').swap16()].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
        const cid = glyphOf.get(unit);
        if (cid === undefined) return undefined;
        hex += cid.toString(16).toUpperCase().padStart(4, '0');
        width += merged.widths.get(cid) ?? 0;
      }
      return { hex, width };
    },
  };
}

/** Writes the merged font's objects; returns its Type0 dictionary. */
function writeFont(w: PdfWriter, font: MergedFont, baseFont: string, program: Uint8Array): PdfDict {
  const { nums } = font;
  const name = new PdfName(baseFont);
  const data = deflate(program);
  w.write(nums.program, new Map<string, PdfValue>([['Filter', new PdfName('FlateDecode')], ['Length', data.length], ['Length1', program.length]]), data);
  const descriptor = new Map(font.first.descriptor);
  descriptor.set('FontName', name);
  descriptor.set('FontBBox', font.bbox);
  descriptor.set('FontFile2', new PdfRef(nums.program));
  w.write(nums.descriptor, descriptor);
  const cidFont = new Map(font.first.cidFont);
  cidFont.set('BaseFont', name);
  cidFont.set('FontDescriptor', new PdfRef(nums.descriptor));
  cidFont.set('W', writeWidths(font.widths));
  w.write(nums.cidFont, cidFont);
  const cmap = deflate(writeToUnicode(font.unicode));
  w.write(nums.toUnicode, new Map<string, PdfValue>([['Filter', new PdfName('FlateDecode')], ['Length', cmap.length]]), cmap);
  const type0 = new Map<string, PdfValue>([
    ['Type', new PdfName('Font')],
    ['Subtype', new PdfName('Type0')],
    ['BaseFont', name],
    ['Encoding', new PdfName('Identity-H')],
    ['DescendantFonts', [new PdfRef(nums.cidFont)]],
    ['ToUnicode', new PdfRef(nums.toUnicode)],
  ]);
  w.write(nums.type0, type0);
  return type0;
}

/** Six capital letters from the program's bytes (9.6.4): the same program, the same tag. */
function tagOf(program: Uint8Array, salt: number): string {
  const digest = createHash('sha256').update(program).update(String(salt)).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}

function fingerprint(tables: SfntTables): string {
  const hash = createHash('sha256');
  for (const tag of IDENTITY_TABLES) hash.update(`${tag}:${tables.get(tag)?.length ?? -1}:`).update(tables.get(tag) ?? new Uint8Array());
  hash.update(tables.get('head')!.subarray(18, 20));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The merged font the subset shares most characters with, among those it agrees with; none where
 * it shares none. Subsets of other slices of one family (Latin, Latin Extended) hold the same
 * glyphs at the first ids (as parts of accented letters) and others after: a slice is told by
 * the characters it is used for, not by the glyphs it holds.
 */
function closest(fonts: MergedFont[], subset: Subset): MergedFont | undefined {
  let best: MergedFont | undefined;
  let most = 0;
  for (const font of fonts) {
    const shared = sharedCharacters(font, subset);
    if (shared > most && fits(font, subset)) [best, most] = [font, shared];
  }
  return best;
}

/** How many glyphs both map to the same text; -1 where a glyph they both hold differs. */
function sharedCharacters(font: MergedFont, subset: Subset): number {
  for (const gid of subset.held) {
    const theirs = font.glyphs[gid];
    if (theirs && !sameGlyph(subset.glyphs[gid]!, theirs)) return -1;
  }
  let shared = 0;
  for (const [cid, text] of subset.unicode) if (font.unicode.get(cid) === text) shared++;
  return shared;
}

/** Whether the subset agrees with the merged font on every width and text they share. */
function fits(font: MergedFont, subset: Subset): boolean {
  for (const [cid, width] of subset.widths) {
    const other = font.widths.get(cid);
    if (other !== undefined && other !== width) return false;
  }
  for (const [cid, text] of subset.unicode) {
    const other = font.unicode.get(cid);
    if (other !== undefined && other !== text) return false;
  }
  return true;
}

function absorb(font: MergedFont, subset: Subset): void {
  for (const gid of subset.held) font.glyphs[gid] ??= subset.glyphs[gid];
  for (let gid = 0; gid < font.glyphs.length; gid++) font.glyphs[gid] ??= undefined;
  font.maxps.push(subset.tables.get('maxp')!);
  for (const [cid, width] of subset.widths) font.widths.set(cid, width);
  for (const [cid, text] of subset.unicode) font.unicode.set(cid, text);
  const bbox = (get(subset.descriptor, 'FontBBox', isArray) ?? []).map((v) => (isNumber(v) ? v : 0));
  if (bbox.length === 4) font.bbox = [Math.min(font.bbox[0]!, bbox[0]!), Math.min(font.bbox[1]!, bbox[1]!), Math.max(font.bbox[2]!, bbox[2]!), Math.max(font.bbox[3]!, bbox[3]!)];
}

/** A stream's decoded data, where it is unfiltered or Flate alone. */
function streamData(file: PdfFile, num: number): Uint8Array | undefined {
  const object = file.get(num);
  if (!object?.data || !isDict(object.value)) return undefined;
  const filter = object.value.get('Filter');
  if (filter === undefined) return object.data;
  const only = isArray(filter) && filter.length === 1 ? filter[0] : filter;
  return only instanceof PdfName && only.name === 'FlateDecode' ? inflate(object.data) : undefined;
}

/** The subset a Type0 font holds, where it is a CIDFontType2 with an /Identity CIDToGIDMap, a TrueType program and a ToUnicode map. */
function readSubset(file: PdfFile, num: number): { subset: Subset; replaced: number[] } | undefined {
  const type0 = file.dict(new PdfRef(num));
  if (!type0 || nameAt(type0, 'Subtype') !== 'Type0' || nameAt(type0, 'Encoding') !== 'Identity-H') return undefined;
  const descendants = get(type0, 'DescendantFonts', isArray);
  const cidRef = descendants?.length === 1 && isRef(descendants[0]!) ? descendants[0] : undefined;
  const cidFont = file.dict(cidRef);
  if (!cidRef || !cidFont || nameAt(cidFont, 'Subtype') !== 'CIDFontType2' || nameAt(cidFont, 'CIDToGIDMap') !== 'Identity') return undefined;
  const descriptorRef = get(cidFont, 'FontDescriptor', isRef);
  const descriptor = file.dict(descriptorRef);
  const programRef = get(descriptor, 'FontFile2', isRef);
  const toUnicodeRef = get(type0, 'ToUnicode', isRef);
  if (!descriptorRef || !descriptor || !programRef || !toUnicodeRef) return undefined;
  // The merged font writes these dictionaries again: one that refers to anything else is not merged.
  if (holdsRefs(cidFont, ['FontDescriptor']) || holdsRefs(descriptor, ['FontFile2'])) return undefined;
  const program = streamData(file, programRef.num);
  const cmap = streamData(file, toUnicodeRef.num);
  const tables = program && readSfnt(program);
  const unicode = cmap && readToUnicode(cmap);
  const baseFont = nameAt(type0, 'BaseFont') ?? '';
  const plus = baseFont.indexOf('+');
  if (!tables || !unicode || plus !== 6) return undefined;
  const glyphs = readGlyphs(tables);
  // Every glyph the subset shows gets its width written (the merged /DW is not the subset's): the
  // ones /W lists, and those it leaves to /DW, which the ToUnicode map names. A glyph held only as
  // a part of another is not shown, and has no width to agree on.
  const listed = readWidths(cidFont.get('W'));
  const dw = get(cidFont, 'DW', isNumber) ?? 1000;
  const held = glyphs.flatMap((glyph, gid) => (glyph ? [gid] : []));
  const widths = new Map([...listed].filter(([gid]) => glyphs[gid]));
  for (const gid of unicode.keys()) if (!widths.has(gid)) widths.set(gid, dw);
  const subset: Subset = { name: baseFont.slice(plus + 1), tables, glyphs, held, widths, unicode, descriptor, cidFont };
  return { subset, replaced: [num, cidRef.num, descriptorRef.num, programRef.num, toUnicodeRef.num] };
}

/** Whether any entry but those named holds a reference. */
function holdsRefs(dict: PdfDict, except: string[]): boolean {
  const holds = (value: PdfValue): boolean => isRef(value) || (isArray(value) && value.some(holds)) || (isDict(value) && [...value.values()].some(holds));
  return [...dict].some(([key, value]) => !except.includes(key) && holds(value));
}
