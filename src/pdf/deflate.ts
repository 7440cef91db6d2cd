// Flate for the streams post-processing writes. Inflating has one right answer, so Node's zlib
// does it. Deflating does not: Node bundles Chromium's zlib, whose hash (chosen by build and CPU)
// gives other, equally valid bytes on another machine, and Debian's Node links the system zlib;
// pako is madler's zlib in JavaScript, the same bytes everywhere, which keeps the PDFs
// reproducible (at level 6 it gives Skia's own bytes back for an unchanged page).
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

/** pako 1.x's zlib port: the calls used here. */
interface ZlibPort {
  deflateInit2(strm: ZStream, level: number, method: number, windowBits: number, memLevel: number, strategy: number): number;
  deflateReset(strm: ZStream): number;
  deflate(strm: ZStream, flush: number): number;
}
interface ZStream {
  input: Uint8Array;
  next_in: number;
  avail_in: number;
  output: Uint8Array;
  next_out: number;
  avail_out: number;
}

/**
 * Level 2: on the bundled data's 110 pages (11.4 MB of content) pako took ~120 ms at level 2
 * against ~380 ms at level 6, for streams ~35 % larger (the PDFs ~8 % larger): a build's time is
 * worth more than those bytes.
 */
export const DEFLATE_LEVEL = 2;
const Z_FINISH = 4;
const Z_STREAM_END = 1;

let state: { zlib: ZlibPort; strm: ZStream; out: Buffer } | undefined;

/**
 * zlib-wrapped deflate of `data`, the same bytes on every machine. One stream's state is kept and
 * reset between calls (zlib's deflateReset: the same output as a fresh one), so that each page
 * does not allocate and drop ~250 KB of tables.
 */
export function deflate(data: Uint8Array): Buffer {
  if (!state) {
    const require = createRequire(import.meta.url);
    const zlib = require('pako/lib/zlib/deflate.js') as ZlibPort;
    const ZStreamClass = require('pako/lib/zlib/zstream.js') as new () => ZStream;
    const strm = new ZStreamClass();
    // 15-bit window, memory level 8, default strategy: zlib's defaults.
    if (zlib.deflateInit2(strm, DEFLATE_LEVEL, 8, 15, 8, 0) !== 0) throw new Error('deflate: pako did not start');
    state = { zlib, strm, out: Buffer.alloc(1 << 18) };
  }
  const { zlib, strm } = state;
  // Deflate's worst case is a few bytes per 16 KB block over the input, plus the zlib wrapper.
  const bound = data.length + (data.length >> 10) * 5 + 64;
  if (state.out.length < bound) state.out = Buffer.alloc(bound);
  zlib.deflateReset(strm);
  strm.input = data;
  strm.next_in = 0;
  strm.avail_in = data.length;
  strm.output = state.out;
  strm.next_out = 0;
  strm.avail_out = state.out.length;
  if (zlib.deflate(strm, Z_FINISH) !== Z_STREAM_END) throw new Error('deflate: the stream did not end');
  return Buffer.from(state.out.subarray(0, strm.next_out));
}

/** The data of a FlateDecode stream (zlib-wrapped). */
export function inflate(data: Uint8Array): Buffer {
  return inflateSync(data);
}
