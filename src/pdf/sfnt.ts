// TrueType font programs (the OpenType sfnt wrapper, with glyf outlines) as the pack merges them
// (issue 19): the table directory read and written, and the glyphs of a subset that keeps the
// full font's glyph ids (Skia subsets that way: a glyph not in the subset is empty, advance 0).

/** A font program's tables by tag, each as its bytes. */
export type SfntTables = Map<string, Uint8Array>;

/** One glyph of a subset: its outline data as written in glyf, its advance and left side bearing. */
export interface Glyph {
  data: Uint8Array;
  advance: number;
  lsb: number;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The tables of a TrueType program, or undefined where it is not one (a CFF program, a collection). */
export function readSfnt(bytes: Uint8Array): SfntTables | undefined {
  if (bytes.length < 12) return undefined;
  const dv = view(bytes);
  if (dv.getUint32(0) !== 0x00010000) return undefined;
  const count = dv.getUint16(4);
  const tables: SfntTables = new Map();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    if (at + 16 > bytes.length) return undefined;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = dv.getUint32(at + 8);
    const length = dv.getUint32(at + 12);
    if (offset + length > bytes.length) return undefined;
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  for (const tag of ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx']) if (!tables.has(tag)) return undefined;
  return tables;
}

/** Each glyph id's glyph, undefined where the subset left it out. */
export function readGlyphs(tables: SfntTables): Array<Glyph | undefined> {
  const head = view(tables.get('head')!);
  const numGlyphs = view(tables.get('maxp')!).getUint16(4);
  const metrics = view(tables.get('hhea')!).getUint16(34);
  const loca = view(tables.get('loca')!);
  const glyf = tables.get('glyf')!;
  const hmtx = view(tables.get('hmtx')!);
  const long = head.getInt16(50) === 1;
  const offset = (gid: number) => (long ? loca.getUint32(gid * 4) : loca.getUint16(gid * 2) * 2);
  const glyphs: Array<Glyph | undefined> = [];
  for (let gid = 0; gid < numGlyphs; gid++) {
    const m = Math.min(gid, metrics - 1);
    const advance = hmtx.getUint16(m * 4);
    const lsb = gid < metrics ? hmtx.getInt16(gid * 4 + 2) : hmtx.getInt16(metrics * 4 + (gid - metrics) * 2);
    const data = glyf.subarray(offset(gid), offset(gid + 1));
    glyphs.push(data.length > 0 || advance > 0 ? { data, advance, lsb } : undefined);
  }
  return glyphs;
}

/** Whether two glyphs are the same glyph. */
export function sameGlyph(a: Glyph, b: Glyph): boolean {
  return a.advance === b.advance && a.lsb === b.lsb && Buffer.compare(a.data, b.data) === 0;
}

/** Tables a PDF viewer does not read from an embedded CIDFontType2 program written horizontally (Identity-H): left out of a merged one. */
const UNREAD_TABLES = new Set(['GDEF', 'GPOS', 'GSUB', 'STAT', 'DSIG', 'hdmx', 'LTSH', 'VDMX', 'kern', 'vhea', 'vmtx']);

/**
 * One program holding every glyph given, at its own glyph id: the other tables are the first
 * subset's (same font, same values), with glyf, loca, hmtx and the counts written again.
 */
export function mergeProgram(base: SfntTables, glyphs: Array<Glyph | undefined>, maxp: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const loca = new DataView(new ArrayBuffer((glyphs.length + 1) * 4));
  const hmtx = new DataView(new ArrayBuffer(glyphs.length * 4));
  let at = 0;
  glyphs.forEach((glyph, gid) => {
    loca.setUint32(gid * 4, at);
    if (!glyph) return;
    parts.push(glyph.data);
    at += glyph.data.length;
    // Glyph data stays 4-byte aligned, as a long loca expects of it.
    const pad = (4 - (glyph.data.length % 4)) % 4;
    if (pad) parts.push(new Uint8Array(pad));
    at += pad;
    hmtx.setUint16(gid * 4, glyph.advance);
    hmtx.setInt16(gid * 4 + 2, glyph.lsb);
  });
  loca.setUint32(glyphs.length * 4, at);
  const head = Uint8Array.from(base.get('head')!);
  view(head).setInt16(50, 1);
  const hhea = Uint8Array.from(base.get('hhea')!);
  view(hhea).setUint16(34, glyphs.length);
  view(hhea).setUint16(10, Math.max(0, ...glyphs.map((g) => g?.advance ?? 0)));
  const tables: SfntTables = new Map();
  for (const [tag, data] of base) if (!UNREAD_TABLES.has(tag)) tables.set(tag, data);
  tables.set('head', head);
  tables.set('hhea', hhea);
  tables.set('maxp', maxp);
  tables.set('loca', new Uint8Array(loca.buffer));
  tables.set('hmtx', new Uint8Array(hmtx.buffer));
  tables.set('glyf', Buffer.concat(parts));
  return writeSfnt(tables);
}

/** maxp with the glyph count given and each other count the largest of the subsets' (they bound, not count). */
export function mergeMaxp(all: Uint8Array[], numGlyphs: number): Uint8Array {
  const out = Uint8Array.from(all[0]!);
  const dv = view(out);
  dv.setUint16(4, numGlyphs);
  for (let at = 6; at + 2 <= out.length; at += 2) dv.setUint16(at, Math.max(...all.map((m) => (at + 2 <= m.length ? view(m).getUint16(at) : 0))));
  return out;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const padded = data.length % 4 === 0 ? data : Buffer.concat([data, new Uint8Array(4 - (data.length % 4))]);
  const dv = view(padded);
  for (let at = 0; at < padded.length; at += 4) sum = (sum + dv.getUint32(at)) >>> 0;
  return sum;
}

/** The program's bytes: tables in tag order, 4-byte aligned, with checksums and head's adjustment. */
export function writeSfnt(tables: SfntTables): Uint8Array {
  const tags = [...tables.keys()].sort();
  const head = tables.get('head');
  if (head) view(head).setUint32(8, 0);
  const entry = Math.floor(Math.log2(tags.length));
  const out: Uint8Array[] = [];
  const dir = new DataView(new ArrayBuffer(12 + tags.length * 16));
  dir.setUint32(0, 0x00010000);
  dir.setUint16(4, tags.length);
  dir.setUint16(6, 2 ** entry * 16);
  dir.setUint16(8, entry);
  dir.setUint16(10, tags.length * 16 - 2 ** entry * 16);
  let at = dir.byteLength;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    for (let c = 0; c < 4; c++) dir.setUint8(12 + i * 16 + c, tag.charCodeAt(c));
    dir.setUint32(12 + i * 16 + 4, checksum(data));
    dir.setUint32(12 + i * 16 + 8, at);
    dir.setUint32(12 + i * 16 + 12, data.length);
    out.push(data);
    const pad = (4 - (data.length % 4)) % 4;
    if (pad) out.push(new Uint8Array(pad));
    at += data.length + pad;
  });
  const bytes = Buffer.concat([new Uint8Array(dir.buffer), ...out]);
  const headAt = dir.getUint32(12 + tags.indexOf('head') * 16 + 8);
  if (head) view(bytes).setUint32(headAt + 8, (0xb1b0afba - checksum(bytes)) >>> 0);
  return bytes;
}
